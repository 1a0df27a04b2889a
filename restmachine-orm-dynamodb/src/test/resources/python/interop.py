"""Drives the Python restmachine-orm for PythonInteropTest (Java) against a DynamoDB endpoint.

Usage: python3 interop.py SCENARIO < input.json
The input names the endpoint, the table and the items; the output (stdout) is one JSON object of
what the Python library saw and did, which the Java test asserts on. The Python original is
imported from PYTHONPATH (set by the Java test); nothing of it is copied here.
"""

import json
import sys
from datetime import datetime
from decimal import Decimal
from typing import Optional

import boto3

from restmachine_orm import ExpirationMixin, Field, Model, partition_key, sort_key
from restmachine_orm.backends.base import DuplicateKeyError
from restmachine_orm.models.decorators import gsi_partition_key
from restmachine_orm_dynamodb import DynamoDBBackend


# The seed's models, as a Python application would declare them.
class User(Model):
    id: str = Field(primary_key=True)
    email: str
    name: str

    @partition_key
    def pk(self) -> str:
        return f"USER#{self.id}"

    @sort_key
    def sk(self) -> str:
        return "PROFILE"


class TodoItem(Model):
    user_id: str
    todo_id: str
    title: str
    created_at: datetime
    tags: set[str]

    @partition_key
    def pk(self) -> str:
        return f"USER#{self.user_id}"

    @sort_key
    def sk(self) -> str:
        return f"TODO#{self.created_at.isoformat()}#{self.todo_id}"


class Order(Model):
    user_id: str
    order_id: str
    total: Decimal
    note: Optional[str] = None

    @partition_key
    def pk(self) -> str:
        return f"USER#{self.user_id}"

    @sort_key
    def sk(self) -> str:
        return f"ORDER#{self.order_id}"


class Customer(Model):
    id: str
    email: str
    name: str

    @partition_key
    def pk(self) -> str:
        return f"CUSTOMER#{self.id}"

    @sort_key
    def sk(self) -> str:
        return "PROFILE"

    @gsi_partition_key("ByEmail")
    def gsi_email(self) -> str:
        return f"EMAIL#{self.email}"


class Session(ExpirationMixin, Model):
    session_id: str
    user_id: str

    @partition_key
    def pk(self) -> str:
        return f"SESSION#{self.session_id}"

    @sort_key
    def sk(self) -> str:
        return "METADATA"


MODELS = (User, TodoItem, Order, Customer, Session)


def todo_key(t):
    return {"user_id": t["user_id"], "todo_id": t["todo_id"], "created_at": datetime.fromisoformat(t["created_at"])}


def dump_todo(todo):
    if todo is None:
        return None
    return {"title": todo.title, "created_at": todo.created_at.isoformat(), "tags": sorted(todo.tags)}


def dump_order(order):
    if order is None:
        return None
    return {"total": str(order.total), "note": order.note}


def ids(items, field):
    return sorted(getattr(i, field) for i in items)


def error_of(action):
    """The name of the exception an action raises (and its DynamoDB error code), or None."""
    try:
        action()
        return None
    except Exception as e:  # noqa: BLE001 - the test reports whatever the library raised
        code = getattr(e, "response", {}).get("Error", {}).get("Code")
        return type(e).__name__ + (":" + code if code else "")


def todos_between(user_id, low, high):
    query = TodoItem.where(entity_type="TodoItem", user_id=user_id, created_at__gte=low, created_at__lt=high)
    return ids(query.all(), "todo_id")


def python_first(inp, backend):
    """Python writes its items, then reads, queries, changes and deletes the Java-written ones."""
    out = {}
    w = inp["write"]
    User.create(**w["user"])
    for t in w["todos"]:
        TodoItem.create(**{**t, **todo_key(t), "tags": set(t["tags"])})
    Order.create(**{**w["order"], "total": Decimal(w["order"]["total"])})
    Customer.create(**w["customer"])
    Session.create(**{**w["session"], "expires_at": datetime.fromisoformat(w["session"]["expires_at"])})
    # The item as stored, in DynamoDB's typed JSON ({"S": ...}, {"SS": [...]}).
    # A plain client: the resource's own client turns typed values into Python ones.
    client = boto3.client("dynamodb", region_name="us-east-1", endpoint_url=inp["endpoint"])
    raw = client.get_item(
        TableName=inp["table"],
        Key={"pk": {"S": "USER#" + w["todos"][0]["user_id"]}, "sk": {"S": inp["python_first_sk"]}})
    out["python_raw_todo"] = raw.get("Item", {})

    j = inp["java"]
    user = User.get(id=j["user"]["id"])
    out["java_user"] = user.model_dump() if user else None
    out["java_todos"] = [dump_todo(TodoItem.get(**todo_key(t))) for t in j["todos"]]
    out["java_order"] = dump_order(Order.get(user_id=j["order"]["user_id"], order_id=j["order"]["order_id"]))
    by_email = Customer.where(email=j["customer"]["email"]).using_index("ByEmail").all()
    out["java_customer_by_email"] = ids(by_email, "id")
    out["java_todos_in_range"] = todos_between(j["todos"][0]["user_id"], j["range"][0], j["range"][1])
    out["java_todos_at"] = ids(
        TodoItem.where(entity_type="TodoItem", created_at=j["todos"][0]["created_at"]).all(), "todo_id")

    ttl_session = Session.get(session_id=j["ttl_session"])
    out["java_ttl_session_expires_at"] = ttl_session.expires_at.isoformat() if ttl_session else None
    out["java_ttl_session_is_expired_error"] = error_of(ttl_session.is_expired) if ttl_session else "missing"
    live = Session.get(session_id=j["mixin_sessions"]["live"])
    dead = Session.get(session_id=j["mixin_sessions"]["expired"])
    out["java_mixin_live_is_expired"] = live.is_expired() if live else None
    out["java_mixin_expired_is_expired"] = dead.is_expired() if dead else None
    out["java_mixin_sessions_listed"] = ids(
        Session.where(entity_type="Session", user_id=j["mixin_sessions"]["user_id"]).all(), "session_id")

    # Changes to the Java-written items.
    first = TodoItem.get(**todo_key(j["todos"][0]))
    first.title = inp["python_title"]
    first.save()
    second = TodoItem.get(**todo_key(j["todos"][1]))
    out["deleted_java_todo"] = second.delete() if second else None
    order = Order.get(user_id=j["order"]["user_id"], order_id=j["order"]["order_id"])
    order.total = Decimal(inp["python_total"])
    order.save()
    out["duplicate_of_java_todo"] = error_of(
        lambda: TodoItem.create(**{**todo_key(j["todos"][0]), "title": "again", "tags": {"x"}}))
    empty_tags = TodoItem.get(**todo_key(j["todos"][2]))
    out["java_empty_tags_todo"] = dump_todo(empty_tags)
    out["python_save_empty_set_error"] = error_of(empty_tags.save) if empty_tags else "missing"
    return out


def python_verify(inp, backend):
    """Python reads what Java changed, deleted and wrote after the first round."""
    out = {}
    w = inp["write"]
    out["python_todos"] = [dump_todo(TodoItem.get(**todo_key(t))) for t in w["todos"]]
    out["python_order"] = dump_order(Order.get(user_id=w["order"]["user_id"], order_id=w["order"]["order_id"]))
    user = User.get(id=w["user"]["id"])
    out["python_user"] = user.model_dump() if user else None
    out["python_todos_in_range"] = todos_between(w["todos"][0]["user_id"], inp["range"][0], inp["range"][1])
    return out


def aware(inp, backend):
    """On a PYTHON_AWARE table: Python writes aware UTC times and reads Java's by key and by time."""
    out = {}
    for t in inp["write"]["todos"]:
        TodoItem.create(**{**t, **todo_key(t), "tags": set(t["tags"])})
    out["java_todos"] = [dump_todo(TodoItem.get(**todo_key(t))) for t in inp["java"]["todos"]]
    out["java_todos_in_range"] = todos_between(inp["java"]["todos"][0]["user_id"], inp["range"][0], inp["range"][1])
    return out


SCENARIOS = {"python_first": python_first, "python_verify": python_verify, "aware": aware}


def main():
    scenario = SCENARIOS[sys.argv[1]]
    inp = json.load(sys.stdin)
    backend = DynamoDBBackend(
        table_name=inp["table"],
        region_name="us-east-1",
        endpoint_url=inp["endpoint"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    for model in MODELS:
        model.model_backend = backend
    json.dump(scenario(inp, backend), sys.stdout, default=str)


if __name__ == "__main__":
    main()
