-- name: AddNote :exec
INSERT INTO notes (body) VALUES ($1);

-- name: CountNotes :one
SELECT COUNT(*) FROM notes;
