"""`python -m extractor` is `policykg`."""
import sys

from extractor.cli import main

sys.exit(main())
