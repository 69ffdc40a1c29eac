-- name: GetUser :one
SELECT id, name FROM users WHERE id = $1;

-- name: Misspelled :many
SELECT id, nmae FROM users;

-- name: Gap :many
SELECT id FROM users LIMIT $1 OFFSET $3;
