"""Data shipped with screening: model.json, the trained weights (see learned.py, train.py)."""
