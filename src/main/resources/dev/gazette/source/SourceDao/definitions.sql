SELECT id, name, type, url, definition_hash, enabled FROM source
