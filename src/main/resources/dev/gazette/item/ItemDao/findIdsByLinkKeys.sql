SELECT id, link_key FROM item WHERE link_key IN (<linkKeys>)
