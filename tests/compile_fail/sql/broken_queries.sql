-- name: GetUser :one
SELECT id FROM users WHERE id = $1;

-- name: ListUsers :many
SELECT id FROM users
LIMIT $1 OFFSET $3;
