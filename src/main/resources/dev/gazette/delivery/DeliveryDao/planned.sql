SELECT subscriber_id, edition
  FROM delivery
 WHERE subscriber_id IN (<ids>)
   AND edition IN (<editions>)
