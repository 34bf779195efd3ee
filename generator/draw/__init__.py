"""Drawing: the site's pictures, as inline SVG strings or PNG bytes, from the model alone.

A library that rendering and checking both use, not a stage. Form pictures:
`poses` (the figure a page shows) from `kinematics` (joint angles to points),
`panels` (each view of a pose), `body`, `equipment` and `paths` (the shapes),
with `words` saying the same pose in words. The muscle map (`muscle_map`), the
activation chart (`charts`) and the preview card's drawing (`card`) share the
SVG helpers in `svg`.
"""
