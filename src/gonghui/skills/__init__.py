"""技能提升: competitions, training, skill-level certification with pay grades, 名师带徒 and 求学圆梦.

Each is its own Django app under this package (see docs/adr/0017-skills-domain.md); inside the package
mentoring sits above the others, and certification (occupations and members' skill levels) below them.
"""
