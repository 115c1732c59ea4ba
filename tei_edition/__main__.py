"""Run the command-line interface as `python -m tei_edition`."""

from tei_edition.cli import main

main()
