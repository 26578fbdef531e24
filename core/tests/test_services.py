"""The deployed stack: PostgreSQL and Redis. Skipped on a laptop without them, failing under CI=true."""

import os

import pytest
from django.db import connection

from conftest import service_unavailable


@pytest.mark.services
def test_database_is_postgresql_when_configured(db):
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        service_unavailable("DATABASE_URL does not point at PostgreSQL")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]


@pytest.mark.services
def test_redis_broker_answers():
    url = os.environ.get("REDIS_URL")
    if not url:
        service_unavailable("REDIS_URL is not set")
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    try:
        assert client.ping() is True
    except redis.ConnectionError as error:
        service_unavailable(f"Redis at {url} is unreachable: {error}")
