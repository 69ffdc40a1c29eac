-- name: GetUser :one
SELECT id FROM users WHERE id = @id;

-- name: GetUser :many
SELECT id FROM users;
