// Hint family: uint-dict (implementations register themselves with defineHint).
