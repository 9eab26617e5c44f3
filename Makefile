# Two commands on a fresh clone (Python 3.11+ and make): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint format messages bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed messages

messages: $(BIN)/.installed
	$(BIN)/pybabel compile --domain django --directory src/buurtwacht/locale --statistics 2>&1 | tail -n 4

demo: install
	$(BIN)/buurtwacht demo 127.0.0.1:8000

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff format --check src tests bench
	$(BIN)/ruff check src tests bench

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: install
	$(BIN)/python bench/screening.py
	$(BIN)/python bench/fanout.py
	$(BIN)/python bench/publish.py
	$(BIN)/python bench/whatsapp.py
