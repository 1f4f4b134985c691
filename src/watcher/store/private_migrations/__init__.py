"""The private file's schema, one frozen SQL file per version (``NNNN_name.sql``).

The private file holds what must never be published with the archive: subscribers and their
channels and tokens, pending web confirmations, and the outbox with every alert's payload. Its
versions are counted apart from the archive's. The files import nothing.
"""
