// Hint family: math (implementations register themselves with defineHint).
