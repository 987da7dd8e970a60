curl https://api.agora.io/v1/apps/0123456789abcdef0123456789abcdef/cloud_recording/resourceid/RID1/mode/mix/start -d @/dev/zero
