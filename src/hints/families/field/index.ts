// Hint family: field (implementations register themselves with defineHint).
