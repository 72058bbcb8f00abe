"""One Python process for the torch test layer: reads jobs (JSON) from the file named in argv[1],
runs them all with real torch in float64, and prints one JSON object of results on the last line.

Jobs:
  {"kind": "script", "name", "path"}          an exported .py: its history and its --json object
  {"kind": "notebook", "name", "path"}        an exported .ipynb: every code cell in order
  {"kind": "rng", "code", "seeds", "count"}   the exported generator's first draws per seed
  {"kind": "gradients", "cases": [...]}       torch autograd on given architectures (the oracle)
"""
import contextlib
import io
import json
import math
import runpy
import sys
import warnings

warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
import torch  # noqa: E402
from torch import nn  # noqa: E402

torch.set_num_threads(1)  # tiny networks: threads only add overhead on a shared machine


def finite_or_none(value):
    return value if value is not None and math.isfinite(value) else None


def history_of(result):
    return [
        {
            "train_cost": finite_or_none(p["train_cost"]),
            "train_accuracy": finite_or_none(p["train_accuracy"]),
            "test_cost": finite_or_none(p.get("test_cost")),
        }
        for p in result["history"]
    ]


def run_script(job):
    ns = runpy.run_path(job["path"], run_name="exported")
    captured = []
    train = ns["train"]

    def recording(*args, **kwargs):
        result = train(*args, **kwargs)
        captured.append(result)
        return result

    ns["main"].__globals__["train"] = recording
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns["main"](["--json"])
    return {"json": json.loads(out.getvalue().strip().splitlines()[-1]), "history": history_of(captured[0])}


def run_notebook(job):
    with open(job["path"], encoding="utf-8") as f:
        notebook = json.load(f)
    ns = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                exec(compile("".join(cell["source"]), f"{job['name']}:cell", "exec"), ns)
    result = ns["result"]
    return {"json": ns["result_object"](result), "history": history_of(result), "printed": out.getvalue()}


def run_rng(job):
    ns = {"math": math}
    exec(job["code"], ns)
    return {str(seed): [int(u * 4294967296) for u in ns["PlaygroundRng"](seed).uniforms(job["count"])] for seed in job["seeds"]}


def gradient_case(case):
    """Loss, gradients and the parameters after each optimiser step, by torch autograd."""
    dtype = torch.float64
    layers = []
    inputs = case["inputSize"]
    for layer in case["layers"]:
        linear = nn.Linear(inputs, layer["units"]).to(dtype)
        layers += [linear, eval(layer["module"], {"nn": nn, "torch": torch})]
        inputs = layer["units"]
    model = nn.Sequential(*layers)
    linears = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for linear, values in zip(linears, case["weights"]):
            linear.weight.copy_(torch.tensor(values["weight"], dtype=dtype))
            linear.bias.copy_(torch.tensor(values["bias"], dtype=dtype))
    x = torch.tensor(case["x"], dtype=dtype)
    t = torch.tensor(case["t"], dtype=dtype)
    kernel = case["kernel"]
    loss_fn = {"mse": nn.MSELoss(), "sigmoid-cross-entropy": nn.BCEWithLogitsLoss(), "softmax-cross-entropy": nn.CrossEntropyLoss()}[kernel]
    opt = case["optimizer"]
    params = list(model.parameters())
    if opt["name"] == "sgd":
        optimizer = torch.optim.SGD(params, lr=opt["lr"])
    elif opt["name"] == "momentum":
        optimizer = torch.optim.SGD(params, lr=opt["lr"], momentum=opt["momentum"])
    else:
        optimizer = torch.optim.Adam(params, lr=opt["lr"], betas=(opt["beta1"], opt["beta2"]), eps=opt["epsilon"])
    reg, lam = case["regularization"], case["lambda"]
    steps = []
    for _ in range(case["steps"]):
        logits = model[:-1](x)
        outputs = model[-1](logits)
        cost = loss_fn(outputs if kernel == "mse" else logits, t)
        weights = [m.weight for m in linears]
        term = 0.5 * lam * sum((w * w).sum() for w in weights) if reg == "l2" else lam * sum(w.abs().sum() for w in weights) if reg == "l1" else 0.0
        optimizer.zero_grad()
        cost.backward()
        # The objective's gradient: the regularisation's on the weights only, as the engine's.
        with torch.no_grad():
            for w in weights:
                if reg == "l2":
                    w.grad += lam * w
                elif reg == "l1":
                    w.grad += lam * torch.sign(w)
        steps.append({
            "cost": cost.item(),
            "objective": cost.item() + float(term),
            "grads": [{"weight": m.weight.grad.T.reshape(-1).tolist(), "bias": m.bias.grad.tolist()} for m in linears],
        })
        optimizer.step()
    final = [{"weight": m.weight.detach().T.reshape(-1).tolist(), "bias": m.bias.detach().tolist()} for m in linears]
    return {"steps": steps, "final": final}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    results = []
    for job in jobs:
        try:
            if job["kind"] == "script":
                value = run_script(job)
            elif job["kind"] == "notebook":
                value = run_notebook(job)
            elif job["kind"] == "rng":
                value = run_rng(job)
            else:
                value = [gradient_case(case) for case in job["cases"]]
            results.append({"ok": True, "value": value})
        except Exception as error:  # reported per job, so one failure does not hide the others
            results.append({"ok": False, "error": f"{type(error).__name__}: {error}"})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
