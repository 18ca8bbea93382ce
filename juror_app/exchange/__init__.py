"""Files that travel: enrollment, assignment bundle, score package; keys and signatures."""
