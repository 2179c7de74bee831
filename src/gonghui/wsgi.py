import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gonghui.settings")
application = get_wsgi_application()

from gonghui.common.search_keys import search_keys  # noqa: E402 - needs the app registry loaded above

# Load the pinyin and OpenCC tables now rather than in a worker's first request, then take everything
# loaded so far out of the garbage collector's view: full collections otherwise walk those long-lived
# objects on every pass and show up as stalls in the slowest requests (gc.freeze, as the Python docs
# advise for servers).
search_keys("预热")
gc.freeze()
