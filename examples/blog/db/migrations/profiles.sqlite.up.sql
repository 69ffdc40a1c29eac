-- role: the enum as TEXT with a CHECK; preferences and settings: JSON in TEXT
CREATE TABLE user_profiles (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    role TEXT DEFAULT 'user' CHECK (role IN ('admin', 'user', 'moderator')),
    bio TEXT,
    avatar_url VARCHAR(500)
);

CREATE UNIQUE INDEX idx_user_profiles_user_id ON user_profiles(user_id);

CREATE TABLE user_preferences (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users(id),
    preferences TEXT,
    settings TEXT
);
