"""Every record of the bundled corpus validates against schemas/record.schema.json."""
from __future__ import annotations

import jsonschema
import pytest

from extractor.pipeline import extract_file
from tests.conftest import BUNDLED


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_record_validates_against_schema(path, record_schema):
    record = extract_file(path)
    jsonschema.validate(record, record_schema, cls=jsonschema.Draft202012Validator)
    assert record["document"]["id"] == path.stem
