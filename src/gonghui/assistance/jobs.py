from gonghui.common.jobs import job_handler  # noqa: F401
