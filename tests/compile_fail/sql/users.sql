-- Queries of the compile-fail tests that name their file: each test gets one of them wrong.

-- name: GetUser :one
SELECT id, name FROM users WHERE id = $1;

-- name: CreateUser :one
INSERT INTO users (name, email) VALUES ($1, $2)
RETURNING id, email;
