// Hint family: secp (implementations register themselves with defineHint).
