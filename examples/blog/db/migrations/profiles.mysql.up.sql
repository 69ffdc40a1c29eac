CREATE TABLE user_profiles (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER,
    role ENUM('admin', 'user', 'moderator') DEFAULT 'user',
    bio TEXT,
    avatar_url VARCHAR(500),
    FOREIGN KEY (user_id) REFERENCES users(id)
);

CREATE UNIQUE INDEX idx_user_profiles_user_id ON user_profiles(user_id);

CREATE TABLE user_preferences (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER,
    preferences JSON,
    settings JSON,
    FOREIGN KEY (user_id) REFERENCES users(id)
);
