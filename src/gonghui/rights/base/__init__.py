"""What every rights app stands on: the rights role and read-audit (access), and generated documents."""
