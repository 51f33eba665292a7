#!/usr/bin/python3
"""Run with Debian's /usr/bin/python3 (python3-sklearn). Pellucid's `train logistic --cv 5` against scikit-learn's LogisticRegressionCV on the same outer folds.

For each data set the script runs `./pellucid train logistic --data D --cv 5 --json F`, reads the fold of
every row from F (cv.fold_of_row), and scores a scikit-learn pipeline on exactly those folds:
StandardScaler on numeric columns and one-hot on categorical ones (what Pellucid's encoder does), then
LogisticRegressionCV(Cs=10, cv=5 stratified, lbfgs, max_iter=1000), scored both with neg_log_loss (how
Pellucid chooses C) and with its default accuracy. The
peer is Debian's python3-sklearn. Data: breast-cancer, tic-tac-toe and iris from the shared data
directory, and two small tables generated here (an imbalanced "HR attrition" one and a noisy one).
"""
import csv, json, os, random, subprocess, sys, tempfile
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.environ.get("PELLUCID_DATA", os.path.join(ROOT, "..", "shared", "datasets"))


def sklearn_layout(path):
    with open(path) as f:
        rows = list(csv.reader(f))[1:]
    x = np.array([[float(v) for v in r[:-1]] for r in rows])
    y = np.array([int(float(r[-1])) for r in rows])
    return x, y, [False] * x.shape[1]


def tic_tac_toe(path):
    with open(path) as f:
        rows = [r for r in csv.reader(f) if r]
    x = np.array([r[:-1] for r in rows], dtype=object)
    y = np.array([r[-1] for r in rows])
    return x, y, [True] * x.shape[1]


def make_tables(tmp):
    rnd = random.Random(3)
    hr = os.path.join(tmp, "hr_attrition.csv")
    with open(hr, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["age", "salary", "overtime", "department", "satisfaction", "years", "left"])
        for i in range(1500):
            age = rnd.randint(20, 60); sal = rnd.gauss(50, 15); ot = rnd.choice(["yes", "no"])
            dep = rnd.choice(["sales", "r&d", "hr", "it"]); sat = rnd.randint(1, 4); yrs = rnd.randint(0, 30)
            z = -2.6 + 1.2 * (ot == "yes") - 0.04 * (sal - 50) - 0.5 * (sat - 2.5) - 0.03 * (age - 40) + 0.5 * (dep == "sales")
            left = "yes" if rnd.random() < 1 / (1 + np.exp(-z)) else "no"
            w.writerow([age, round(sal, 1), ot, dep, sat, yrs, left])
    noisy = os.path.join(tmp, "noisy_three.csv")
    with open(noisy, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["a", "b", "c", "d", "e", "label"])
        for i in range(600):
            v = [rnd.gauss(0, 1) for _ in range(5)]
            s = [v[0] + 0.5 * v[1], -v[0] + v[2], 0.3 * v[3]]
            s = [t + rnd.gauss(0, 1) for t in s]
            w.writerow([round(t, 4) for t in v] + ["k%d" % int(np.argmax(s))])
    return hr, noisy


def csv_table(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    body = rows[1:]
    cols = list(zip(*body))
    cat = []
    for c in cols[:-1]:
        try:
            [float(v) for v in c]; cat.append(False)
        except ValueError:
            cat.append(True)
    x = np.array([r[:-1] for r in body], dtype=object)
    for j, is_cat in enumerate(cat):
        if not is_cat:
            x[:, j] = x[:, j].astype(float)
    return x, np.array([r[-1] for r in body]), cat


def pellucid(data, out):
    subprocess.run([os.path.join(ROOT, "pellucid"), "train", "logistic", "--data", data, "--cv", "5", "--seed", "1",
                    "--json", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        o = json.load(f)
    return o["cv"]["macro_f1_mean"], np.array(o["cv"]["fold_of_row"])


def peer(x, y, cat, folds, scoring=None):
    scores = []
    for k in range(folds.max() + 1):
        tr, te = folds != k, folds == k
        num = [j for j, c in enumerate(cat) if not c]
        cats = [j for j, c in enumerate(cat) if c]
        pre = ColumnTransformer([("num", StandardScaler(), num), ("cat", OneHotEncoder(handle_unknown="ignore"), cats)])
        model = make_pipeline(pre, LogisticRegressionCV(Cs=10, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                                                        max_iter=1000, scoring=scoring))
        model.fit(x[tr], y[tr])
        scores.append(f1_score(y[te], model.predict(x[te]), average="macro"))
    return float(np.mean(scores))


def main():
    tmp = tempfile.mkdtemp(prefix="pellucid-logistic-cv-")
    hr, noisy = make_tables(tmp)
    sets = [("breast-cancer", lambda: sklearn_layout(os.path.join(DATA, "sklearn", "breast_cancer.csv"))),
            ("tic-tac-toe", lambda: tic_tac_toe(os.path.join(DATA, "tabular", "tic-tac-toe.data"))),
            ("iris", lambda: sklearn_layout(os.path.join(DATA, "sklearn", "iris.csv"))),
            (hr, lambda: csv_table(hr)), (noisy, lambda: csv_table(noisy))]
    print("| data | rows | Pellucid CV macro-F1 | scikit-learn LogisticRegressionCV, scoring=neg_log_loss | difference "
          "| scikit-learn, default scoring (accuracy) | difference |")
    print("|---|---|---|---|---|---|---|")
    for name, load in sets:
        ours, folds = pellucid(name, os.path.join(tmp, "out.json"))
        x, y, cat = load()
        same = peer(x, y, cat, folds, "neg_log_loss")
        default = peer(x, y, cat, folds)
        print("| %s | %d | %.4f | %.4f | %+.4f | %.4f | %+.4f |" % (os.path.basename(name), len(y), ours, same, ours - same,
                                                                 default, ours - default))


if __name__ == "__main__":
    sys.exit(main())
