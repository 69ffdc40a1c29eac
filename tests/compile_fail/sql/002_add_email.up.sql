-- Misspells the table on purpose.
ALTER TABLE user ADD COLUMN email TEXT;
