"""The shipped data, read and validated: outline, fact catalogue, sub-areas, national plans.

Each module here loads one file of templates/ (strictly, with line numbers in its errors) into
frozen objects the rest of the core uses. Imports only the ground (drafting's top-level modules).
"""
