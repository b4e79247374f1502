"""Entry point for ``spark-submit``: the master and resources come from spark-submit.

    spark-submit --master yarn --executor-memory 8g \\
        "$(python -c 'import echoscope.spark_submit as m; print(m.__file__)')" \\
        --input hdfs:///corpus/ --out hdfs:///echoscope/run1

Executors need echoscope installed (``pip install 'echoscope[spark]'`` on every node, or a
wheel shipped with ``--py-files``). Arguments are those of ``echoscope detect``.
"""

from __future__ import annotations

import sys

from echoscope.cli import main

if __name__ == "__main__":
    sys.exit(main(["detect", "--engine", "spark", "--master", "submit", *sys.argv[1:]]))
