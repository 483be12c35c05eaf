"""The ground floor: atomic storage, the data folder, content hashes and the shared vocabulary.

It imports nothing else of the app, so every other package may stand on it.
"""
