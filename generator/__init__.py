"""Generator for the hip-dips site: YAML data in, Markdown pages out.

The pipeline is a chain of pure stages, one module each:
read -> validate -> link -> render -> write. `pipeline.py` chains them and
`cli.py` is the command line (`python -m generator`).
"""
