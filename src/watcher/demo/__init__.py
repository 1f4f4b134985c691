"""The offline demo: sample ICE lists and a county agenda served on 127.0.0.1, run through the
real pipeline. May import anything below ``cli``.
"""
