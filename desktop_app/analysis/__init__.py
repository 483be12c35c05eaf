"""Qt-free: 'is this image or video sensitive?' — decoding and models run in a worker."""
