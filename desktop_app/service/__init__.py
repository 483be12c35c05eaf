"""The per-machine service: owns data and quarantine, watches every protected account."""
