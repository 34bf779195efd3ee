"""Generator for the hip-dips site: YAML data in, Markdown pages out.

The pipeline is a chain of pure stages: read (`reader`) -> check (`check/`)
-> link (`link`) -> plan (`weeks/`) -> render (`render/`) -> write (`write`).
`draw/` is the drawing library that checking and rendering both use.
`pipeline.py` chains the stages, `cli.py` is the command line
(`python -m generator`), `scaffold.py` starts a new exercise file and
`serve_hook.py` regenerates the pages during `mkdocs serve`.
"""
