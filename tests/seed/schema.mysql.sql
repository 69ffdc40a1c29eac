-- The example application's schema (../shared/seed/schema.sql) in MySQL's dialect:
-- AUTO_INCREMENT for SERIAL, JSON for TEXT[] and JSONB, an inline ENUM for the enum type.
CREATE TABLE users (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) UNIQUE NOT NULL,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE posts (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER,
    title VARCHAR(255) NOT NULL,
    content TEXT,
    published BOOLEAN DEFAULT FALSE,
    tags JSON,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
);

CREATE TABLE user_profiles (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER,
    role ENUM('admin', 'user', 'moderator') DEFAULT 'user',
    bio TEXT,
    avatar_url VARCHAR(500),
    FOREIGN KEY (user_id) REFERENCES users(id)
);

CREATE INDEX idx_users_email ON users(email);
CREATE INDEX idx_posts_user_id ON posts(user_id);
CREATE UNIQUE INDEX idx_user_profiles_user_id ON user_profiles(user_id);

CREATE TABLE user_preferences (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    user_id INTEGER,
    preferences JSON,
    settings JSON,
    FOREIGN KEY (user_id) REFERENCES users(id)
);
