// Hint family: hash (implementations register themselves with defineHint).
