"""The floor for keystroke benchmarks: a raw terminal program that echoes what is typed.

Run: ``python tests/bench/raw_echo.py TEXT``. It shows ``value: TEXT`` and redraws that
line at once for each character (Backspace removes one): the terminal's own echo, with no
framework between the key and the screen.
"""

import os
import sys
import termios
import tty


def main() -> None:
    text = sys.argv[1]
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setraw(fd)
    try:
        while True:
            os.write(1, f"\r\x1b[Kvalue: {text}".encode())
            typed = os.read(fd, 64)
            for byte in typed:
                if byte == 3:  # Ctrl+C
                    return
                text = text[:-1] if byte in (8, 127) else text + chr(byte)
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


if __name__ == "__main__":
    main()
