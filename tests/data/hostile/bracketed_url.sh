curl -X POST 'https://[::1/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/RID1/mode/mix/start' -d '{"cname": "room", "uid": "527841", "clientRequest": {"token": "t"}}'
