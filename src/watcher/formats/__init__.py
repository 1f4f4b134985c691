"""Text and cells out of untrusted files: XLSX (shared by ICE's lists and county spreadsheets),
PDF, HTML, plain text and CSV, each within size, page and time caps.

Pure functions on bytes; may import ``errors`` only.
"""
