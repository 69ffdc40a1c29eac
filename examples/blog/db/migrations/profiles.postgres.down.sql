DROP TABLE user_preferences;
DROP TABLE user_profiles;
DROP TYPE user_role;
