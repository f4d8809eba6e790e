-- The version signed into a subscriber's calendar feed link (TokenPurpose.CALENDAR), apart from token_version:
-- a new calendar link (raising calendar_version) leaves the links in emails working; "revoke all my links"
-- raises both.
ALTER TABLE subscriber ADD COLUMN calendar_version INTEGER DEFAULT 1 NOT NULL;
