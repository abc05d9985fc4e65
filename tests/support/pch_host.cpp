// Compiles the precompiled header that the core tests reuse; nothing else.
