"""Files on disk: drafts saved atomically, autosave and recovery, draft locks, output paths, LibreOffice.

Everything that writes goes through files.atomic (temp file, fsync, replace). Imports the ground and data/.
"""
