"""`python -m arena`: see `arena.cli`."""

import signal
import sys

try:
    from arena.cli import main
except KeyboardInterrupt:
    # Ctrl-C while the command's modules load (pandas, SQLAlchemy: up to a few seconds):
    # nothing has run, so nothing changed. Said as `main` says it later, never as a traceback
    # of the import it stopped; a second Ctrl-C meanwhile is let pass, the process ends anyway.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from arena.config import cli_language
    from arena.i18n import t

    print(t("cli.interrupted", cli_language()), file=sys.stderr)
    sys.exit(130)

sys.exit(main(exiting=True))
