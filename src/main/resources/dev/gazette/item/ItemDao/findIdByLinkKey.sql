SELECT id FROM item WHERE link_key = :linkKey
