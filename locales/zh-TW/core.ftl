# Switchboard 核心的繁體中文（台灣）句子：操作被拒絕或失敗時，命令列印出、視窗顯示的內容。
# 每種語言的訊息和參數都相同（core/src/locale 會檢查這點，也會檢查每則訊息都有用到）。
# `-hint` 是命令列說明的解決方法（指令和旗標）；`-fix`（若有）是視窗說明的解決方法
# （視窗中的按鈕和欄位）。

## 錯誤

error-codex-home-missing = CODEX_HOME 設為 { $path }，但這個資料夾不存在。
error-codex-home-missing-hint = 請建立它（mkdir -p { $path }），或取消設定 CODEX_HOME。
error-no-home-dir = 找不到你的主目錄。
error-no-home-dir-hint = 請設定 HOME，或加上 --codex-home DIR。
error-invalid-toml = { $path } 不是有效的 TOML（第 { $line } 行，第 { $column } 欄）：{ $reason }。
error-invalid-toml-hint = 請手動修正檔案，或還原備份（switchboard backups）。未寫入任何內容。
error-invalid-toml-fix = 請手動修正檔案，或在「備份」中還原一份備份。未寫入任何內容。
error-wrong-type = config.toml 中的 `{ $key }` 類型不符：目前是{ $found }，但 Codex 需要{ $expected }。
error-wrong-type-hint = 請手動修正 config.toml 中的 `{ $key }`。未寫入任何內容。
error-unsupported-layout = 供應商 `{ $id }` 採用 Switchboard 不會編輯的寫法（{ $form }）。
error-unsupported-layout-hint = 請改寫成 [model_providers.{ $id }] 表格，或手動編輯。未寫入任何內容。
error-reserved-id = `{ $id }` 已保留給 Codex 內建的供應商。
error-reserved-id-hint = 請選擇其他 ID，例如 `ollama-local` 或 `my-openai`。
error-invalid-id = `{ $id }` 不是有效的供應商 ID。
error-invalid-id-hint = 只能使用英文字母、數字、`-` 和 `_`。
error-duplicate-id = 已經有 ID 為 `{ $id }` 的供應商。
error-duplicate-id-hint = 請選擇其他 --id，或用 `switchboard edit { $id }` 修改現有的供應商。
error-duplicate-id-fix = 請選擇其他 ID，或在 `{ $id }` 上按「編輯」來修改它。
error-unknown-provider = 沒有 ID 為 `{ $id }` 的供應商。
error-unknown-provider-hint = 執行 `switchboard list` 查看你有哪些供應商。
error-unknown-provider-fix = 它可能已在其他地方被移除；清單會顯示你目前有的供應商。
error-built-in = `{ $id }` 是 Codex 內建的供應商，無法變更或移除。
error-built-in-hint = 請改用其他 ID 新增你自己的供應商。
error-invalid-url = `{ $url }` 不是可用的 { $what }：{ $reason }。
error-invalid-url-hint = 請使用完整的 http:// 或 https:// 位址，例如 https://openrouter.ai/api/v1。
error-wire-api = 不支援 wire_api `{ $value }`；Codex 只支援 Responses API。
error-wire-api-hint = 請使用提供 Responses API（POST /v1/responses）的供應商。
error-unknown-preset = 沒有名為 `{ $preset }` 的範本。
error-unknown-preset-hint = 執行 `switchboard presets` 查看所有範本。
error-missing-input = { $preset } 範本需要 { $flag }。
error-missing-input-hint = 請加上 { $flag }。
error-missing-input-fix = 請填寫訊息中提到的欄位。
error-invalid-field = { $reason }
error-invalid-field-hint = 請檢查這個值，然後再試一次。未寫入任何內容。
error-invalid-input = { $reason }
error-invalid-input-hint = 請檢查這個值，然後再試一次。未寫入任何內容。
error-unspliceable = Switchboard 無法修改 config.toml 中的{ $key }，否則會動到檔案的其他部分。
error-unspliceable-hint = 請手動編輯 config.toml，或還原備份。未寫入任何內容。
error-active-provider = `{ $id }` 是目前使用中的供應商。
error-active-provider-hint = 請先切換到其他供應商（switchboard use openai），或加上 --force。
error-active-provider-fix = 請先切換到其他供應商。
error-has-sessions = `{ $id }` 有 { $count } 個已儲存的 Codex 工作階段；移除這個供應商後，Codex 就無法再繼續這些工作階段。
error-has-sessions-hint = 可用 `switchboard sessions --provider { $id }` 查看；若仍要移除這個供應商，請加上 --force。未寫入任何內容。
error-has-sessions-fix = 可在「工作階段」中查看；按下「移除」後，還會再詢問一次才執行。未寫入任何內容。
error-empty-key = 金鑰是空的。
error-empty-key-hint = 請從標準輸入貼上金鑰，例如：printf %s "$KEY" | switchboard key set <id>
error-empty-key-fix = 請將金鑰貼到「金鑰」欄位。
error-no-key = 系統鑰匙圈中沒有 `{ $id }` 的金鑰。
error-no-key-hint = 請用 `switchboard key set { $id }` 儲存金鑰（金鑰會從標準輸入讀取）。
error-no-key-fix = 請按「編輯」，再將金鑰貼到「金鑰」欄位。
error-no-secret-service = 沒有執行中的 Secret Service，因此無法存取系統鑰匙圈。
error-no-secret-service-hint = 請登入桌面工作階段（GNOME Keyring 或 KWallet），或手動啟動一個：dbus-run-session -- sh -c 'printf pass | gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'
error-no-secret-service-fix = 請登入有鑰匙圈（GNOME Keyring 或 KWallet）的桌面工作階段，然後再試一次。
error-keychain = 系統鑰匙圈拒絕了這項要求：{ $reason }。
error-keychain-hint = 請解鎖你的鑰匙圈（它可能已上鎖），然後再試一次。
error-concurrent-edit = Switchboard 嘗試儲存 config.toml 時，檔案一直在變動。
error-concurrent-edit-hint = 目前有其他程式正在編輯 config.toml，請稍後再試。
error-unknown-backup = 沒有名為 `{ $name }` 的備份。
error-unknown-backup-hint = 執行 `switchboard backups` 查看備份名稱。
error-unknown-backup-fix = 它可能已被清除；「備份」清單會顯示目前保留的備份。
error-not-a-file = { $path } 不是一般檔案，而是{ $kind }。
error-not-a-file-hint = 請將它指向一般檔案（或移除它，讓 Switchboard 建立新檔案）。未寫入任何內容。
error-too-large = { $path } 超過 { $limit } MB，遠大於任何 Codex 設定檔；Switchboard 不會編輯它。
error-too-large-hint = 請確認這個路徑指向你的 Codex 設定檔。未寫入任何內容。
error-disk-full = 磁碟已滿：沒有空間可儲存 { $path }。
error-disk-full-hint = 請釋出一些磁碟空間，然後再試一次。沒有做任何變更。
error-bad-backup = 備份 `{ $name }` { $why }，因此無法還原。
error-bad-backup-hint = 請選擇其他備份（switchboard backups）。config.toml 沒有變更。
error-bad-backup-fix = 請選擇其他備份。config.toml 沒有變更。
error-bad-share = 無法讀取這份分享內容：{ $reason }。
error-bad-share-hint = 請索取新的連結或檔案（以 `switchboard share` 建立）。未寫入任何內容。
error-bad-share-fix = 請索取新的連結或檔案（以「分享」建立）。未寫入任何內容。
error-share-version = 這份分享內容的格式版本是 { $version }，但這個 Switchboard 只能讀取版本 1。
error-share-version-hint = 請更新 Switchboard，或請對方用你的版本製作分享內容。未寫入任何內容。
error-share-has-key = 這份分享內容帶有機密資料（`{ $field }`），而 Switchboard 絕不會從連結或檔案取得金鑰。
error-share-has-key-hint = 請索取不含機密資料的分享內容（`switchboard share` 會排除金鑰），再用 --key-stdin 或 `switchboard key set` 提供你自己的金鑰。未寫入任何內容。
error-share-has-key-fix = 請索取不含機密資料的分享內容（「分享」會排除金鑰），再貼上你自己的金鑰。未寫入任何內容。
error-share-runs-command = `{ $id }` 會讓 Codex 執行分享者指定的程式：{ $command }
error-share-runs-command-hint = 請先閱讀這個指令；如果你信任它，請加上 --allow-command 重新匯入。未寫入任何內容。
error-share-runs-command-fix = 請先閱讀這個指令；如果你信任它，請勾選下方的方塊，再重新匯入。未寫入任何內容。
error-id-taken = 已經有另一個 ID 為 `{ $id }` 的供應商。
error-id-taken-hint = 請改用其他 ID 匯入，例如 --id { $free }。未寫入任何內容。
error-id-taken-fix = 請改用其他 ID 匯入，例如 { $free }。未寫入任何內容。
error-nothing-to-secure-one = `{ $id }` 沒有以明文或環境變數保存金鑰。
error-nothing-to-secure = 沒有任何供應商以明文或環境變數保存金鑰。
error-nothing-to-secure-hint = 執行 `switchboard doctor` 查看你的金鑰存放在哪裡。未寫入任何內容。
error-nothing-to-secure-fix = 每一列都會顯示金鑰存放在哪裡。未寫入任何內容。
error-unmovable-key = `{ $id }` 的 { $field } 中的金鑰無法移動：Codex 只能以 `Authorization: Bearer` 傳送鑰匙圈中的金鑰。
error-unmovable-key-hint = 請保留它，或手動改用權杖指令（switchboard edit { $id } --token-command ...）。未寫入任何內容。
error-conflicting-keys = `{ $id }` 以明文保存了兩個不同的金鑰，Switchboard 無法判斷要保留哪一個。
error-conflicting-keys-hint = 請手動從 [model_providers.{ $id }] 刪除錯誤的金鑰，再重新保護金鑰。未寫入任何內容。
error-env-unset = `{ $id }` 從 ${ $var } 讀取金鑰，但這裡沒有設定這個變數。
error-env-unset-hint = 請在已設定 ${ $var } 的 shell 中執行（例如 `{ $var }=... switchboard secure { $id }`），或用 `switchboard key set { $id }` 儲存金鑰。未寫入任何內容。
error-env-unset-fix = 請將金鑰的值貼到上方欄位，把它保存在鑰匙圈中。未寫入任何內容。
error-cc-switch-missing = { $path } 沒有 CC Switch 資料庫。
error-cc-switch-missing-hint = 請用 --db PATH 指定資料庫（CC Switch 可以搬移它的資料夾，請查看它的設定）。
error-cc-switch-missing-fix = 請在上方欄位輸入資料庫的路徑（CC Switch 可以搬移它的資料夾，請查看它的設定）。
error-cc-switch-version = { $path } 的結構描述版本為 { $version }，這個 Switchboard 無法辨識（它能讀取 CC Switch 3.8 到 3.20，也就是版本 { $min } 到 { $max }）。
error-cc-switch-version-hint = 請更新 Switchboard，或用 `switchboard add` 手動新增供應商。未寫入任何內容。
error-cc-switch-version-fix = 請更新 Switchboard，或在「新增供應商」中手動新增。未寫入任何內容。
error-cc-switch-read = 無法將 { $path } 當作 CC Switch 資料庫讀取：{ $reason }。
error-cc-switch-read-hint = 請確認路徑指向 CC Switch 的 cc-switch.db。未寫入任何內容。
error-io = 無法{ $action } { $path }：{ $reason }。
error-io-hint = 請確認路徑存在，而且你有寫入權限。

## 上方錯誤句子的組成片段：拒絕某個值的原因（`reason-`）、URL 的用途及其問題（`url-`）、
## 檔案種類（`kind-`）、TOML 類型（`type-`）、Switchboard 不會編輯的寫法（`layout-`）、
## config.toml 的組成部分（`part-`），以及無法對檔案執行的動作（`io-`）

reason-detail = { $detail }
reason-id-fixed = ID 無法變更；請新增一個供應商，再移除這一個。
reason-key-not-keychain = 提供了金鑰，但這個供應商不使用鑰匙圈。
reason-model-name = `{ $model }` 不是可用的模型名稱。
reason-nothing-chosen = 沒有選擇要匯入的供應商。
reason-share-no-provider = 這份分享內容中沒有供應商 `{ $id }`。
reason-share-key-not-keychain = 提供了 `{ $id }` 的金鑰，但它不使用鑰匙圈。
reason-cc-no-provider = CC Switch 中沒有 ID 為 `{ $id }` 的 Codex 供應商。
reason-cc-not-importable = 無法匯入 `{ $name }`：{ $why }
reason-cc-ready = 它已可以匯入。
reason-cc-duplicate = 它的 API 位址和模型都與 `{ $id }` 相同。
reason-cc-official = 它是官方項目，或是由 CC Switch 管理的登入，本身沒有金鑰。
reason-cc-not-responses = CC Switch 是從其他 API 轉換這個供應商的；Codex 需要 Responses API。
reason-cc-unusable = 它的設定無法使用。
reason-cc-unreadable = 無法讀取它在 CC Switch 中的設定：{ $why }。
reason-cc-settings-not-json = 其設定不是 JSON
reason-cc-config-not-toml = 其 Codex 設定不是有效的 TOML
reason-cc-no-table = 其中沒有包含 id、app_type、name 和 settings_config 的 providers 資料表
reason-not-name-value = 「{ $line }」不是 Name=value 格式。
reason-env-var-name = `{ $var }` 不是有效的環境變數名稱。
reason-env-header-var = `{ $var }`（用於標頭 { $header }）不是有效的環境變數名稱。
reason-context-window = 「{ $text }」不是有效的上下文視窗大小：請輸入 token 數，例如 128000、128k 或 1M（留空則由 Switchboard 判斷）。
reason-context-window-range = 上下文視窗必須介於 1,000 到 100,000,000 個 token 之間。
reason-azure-resource = `{ $resource }` 不是有效的 Azure 資源名稱（只能包含英文字母、數字和連字號，也就是 https://<resource>.openai.azure.com 中的 <resource>）。
reason-key-control = 金鑰中含有換行或控制字元；請只貼上金鑰本身。
reason-name-empty = 供應商名稱是空的。
reason-name-control = 供應商名稱中含有換行或控制字元。
reason-name-long = 供應商名稱超過 { $max } 個字元。
reason-bridge-key-in-file = 透過橋接連線的供應商，金鑰必須來自鑰匙圈、環境變數或指令，不能寫在 config.toml 中。
reason-bridge-own-url = 這個 API 位址是橋接本身的位址；請輸入供應商的位址。
reason-bridge-url-query = 這個 API 位址無法透過橋接使用（其中含有查詢字串或 # 片段）。
reason-header-name = `{ $name }` 不是有效的標頭名稱（只能包含英文字母、數字和 !#$%&'*+-.^_`|~）。
reason-env-header-name = `{ $name }` 不是有效的「來自變數的標頭」名稱（只能包含英文字母、數字和 !#$%&'*+-.^_`|~）。
reason-header-control = 標頭值中含有換行或控制字元。
reason-query-empty-name = 有個查詢參數的名稱是空的。
reason-query-control = 查詢參數中含有換行或控制字元。
reason-token-command-empty = 權杖指令是空的。
reason-token-command-not-started = 無法啟動 `{ $id }` 的權杖指令（{ $program }）：{ $detail }。
reason-token-command-lost = 等候 `{ $id }` 的權杖指令（{ $program }）結束時發生錯誤：{ $detail }。
reason-token-command-timeout = `{ $id }` 的權杖指令（{ $program }）未在 { $detail } 秒內執行完畢。
reason-token-command-failed = `{ $id }` 的權杖指令（{ $program }）執行失敗（{ $detail }）。
reason-token-command-not-text = `{ $id }` 的權杖指令（{ $program }）輸出的內容不是文字。
reason-token-command-silent = `{ $id }` 的權杖指令（{ $program }）沒有輸出任何內容。
reason-keychain-locked = 鑰匙圈已上鎖，或存取遭拒（{ $detail }）
reason-backup-empty = 是空的
reason-backup-not-utf8 = 不是 UTF-8 文字
reason-backup-not-toml = 不是有效的 TOML（第 { $line } 行，第 { $column } 欄）
reason-backup-unusable = 內容無法使用（{ $error }）
reason-share-too-large = 它比 Switchboard 產生的任何分享內容都大
reason-share-link-not-url = 連結不是有效的 URL
reason-share-link-scheme = 連結開頭不是 { $scheme }://import
reason-share-link-version = 它的版本 `v` 不是數字
reason-share-no-version = 它沒有格式版本
reason-share-not-toml = 它既不是 { $scheme }:// 連結，也不是有效的分享檔案（第 { $line } 行有 TOML 錯誤）
reason-share-version = `version` 不是數字
reason-share-provider-list = `provider` 不是由 [[provider]] 表格組成的清單
reason-share-list-not-text = `{ $key }` 中有文字以外的內容
reason-share-map-not-text = `{ $key }` 不是文字
reason-share-empty = 其中沒有任何供應商
reason-share-too-many = 其中的供應商超過 { $max } 個
reason-share-twice = 其中 `{ $id }` 出現了兩次
reason-share-key-twice = 有個供應商重複設定了 `{ $key }`
reason-share-no-id = 有個供應商沒有 `id`
reason-share-field-not-text = `{ $id }` 的 `{ $key }` 不是文字
reason-share-no-preset = `{ $id }` 沒有 `preset`
reason-share-unknown-preset = `{ $id }` 指定了範本 `{ $preset }`，但這個 Switchboard 沒有這個範本
reason-share-no-model = `{ $id }` 沒有 `model`
reason-share-no-auth = `{ $id }` 沒有說明如何取得金鑰（`auth`）
reason-share-bad-api = `{ $id }` 的 api = "{ $value }"；應為 responses 或 chat
reason-share-refresh = `{ $id }` 的 `refresh_interval_ms` 不是數字
reason-share-args = `{ $id }` 的 `args` 不是文字清單
reason-share-map-twice = `{ $id }` 的 `{ $key }` 設定了兩次
reason-share-not-map = `{ $id }` 的 `{ $key }` 不是由文字組成的表格
reason-share-env-no-var = `{ $id }` 使用 auth = "env"，但沒有指定 `env_key`
reason-share-command-missing = `{ $id }` 使用 auth = "command"，但沒有指定 `command`
reason-share-bad-auth = `{ $id }` 的 auth = "{ $value }"；應為 keychain、env、command 或 none
reason-share-file-too-large = { $path } 比任何分享檔案都大
reason-share-file-not-text = { $path } 不是文字檔（應為 { $scheme }:// 連結或 *{ $suffix } 檔案）
reason-nothing-to-share = config.toml 中沒有可分享的供應商。
reason-share-file-exists = { $path } 已存在，而且不是分享檔案；請用 --file 指定其他檔案。
reason-one-id-many = --id 只能指定一個供應商，但這份分享內容有多個供應商。
reason-key-stdin-many = --key-stdin 只能提供一個金鑰，但這份分享內容有 { $count } 個使用鑰匙圈的供應商；請先匯入，再分別執行 `switchboard key set <id>`。
reason-secure-which = 請指定要保護的供應商，或加上 --all（兩者擇一）。
reason-key-unreadable = 無法讀取金鑰：{ $error }。
reason-key-not-utf8 = 標準輸入中的金鑰不是 UTF-8 文字。
reason-timeout-range = --timeout 必須介於 0 到 600 秒之間，而不是 { $value }。
url-base-url = API 位址
url-scheme = 開頭必須是 http:// 或 https://
url-spaces = 其中含有空格或控制字元
url-userinfo = 不能包含使用者名稱或密碼
url-no-host = 沒有主機名稱
url-port = 連接埠不是 0 到 65535 之間的數字
url-fragment = 不能包含 # 開頭的片段（fragment）
kind-folder = 資料夾
kind-fifo = 具名管道（FIFO）
kind-socket = 通訊端（socket）
kind-device = 裝置檔案
kind-special = 特殊檔案
type-nothing = 空值
type-string = 字串
type-integer = 整數
type-number = 浮點數
type-boolean = 布林值
type-date = 日期時間
type-array = 陣列
type-table = 表格
type-array-of-tables = 表格陣列
type-positive-integer = 正整數
type-table-of-strings = 值皆為字串的表格
type-array-of-strings = 字串陣列
layout-inline-table = 行內表格
layout-dotted-keys = 點分隔鍵
layout-sub-tables-only = 只有子表格，沒有自身的表格
layout-dotted-or-bare = 點分隔鍵，或沒有上層表格的子表格
part-top-level-keys = 最上層的鍵
part-provider-table = 供應商表格
io-create = 建立
io-follow = 追蹤符號連結
io-lock = 鎖定
io-open = 開啟
io-read = 讀取
io-remove = 移除
io-replace = 取代
io-write = 寫入

## 範本（名稱維持原樣；選擇範本時看到的說明，以及去哪裡取得金鑰）

preset-azure-about = 你的 Azure OpenAI / AI Foundry 資源；模型就是你的部署名稱。
preset-azure-key-help = Azure 入口網站 → 你的資源 → 金鑰和端點（Keys and Endpoint）。
preset-vercel-about = 一把金鑰就能使用多家廠商的模型；模型名稱採 creator/model 格式。
preset-vercel-key-help = Vercel 儀表板 → AI Gateway → API keys。
preset-openrouter-about = 一把金鑰就能使用數百個模型；模型名稱格式如 openai/gpt-5.3-codex。
preset-openrouter-key-help = openrouter.ai → Keys。
preset-ollama-about = 在這台電腦上以 Ollama 0.13.3 或更新版本執行的模型；不需要金鑰。
preset-ollama-key-help = 不需要金鑰。
preset-kimi-about = Moonshot 的 Kimi K2 模型；只支援 Chat Completions，因此 Codex 會透過 Switchboard 橋接連線。在中國大陸請使用 https://api.moonshot.cn/v1。
preset-kimi-key-help = platform.moonshot.ai → API Keys（中國大陸請用 platform.moonshot.cn）。
preset-lmstudio-about = 在這台電腦上以 LM Studio 執行的模型；除非你開啟了它的驗證功能，否則不需要金鑰。
preset-lmstudio-key-help = 不需要金鑰；但如果 LM Studio 開啟了「Require Authentication」，請到它的伺服器設定中取得金鑰。
preset-kimi-coding-about = Moonshot（月之暗面）的 Kimi Code 訂閱方案（kimi-for-coding）；只支援 Chat Completions，因此 Codex 會透過 Switchboard 橋接連線。
preset-kimi-coding-key-help = kimi.com/code → 你的訂閱方案的 API 金鑰。
preset-glm-about = 智譜在 open.bigmodel.cn 上提供的 GLM 模型，按用量計費；它的 Responses API（https://open.bigmodel.cn/api/v1）支援 Codex 的工具，因此 Codex 會直接連線。
preset-glm-key-help = bigmodel.cn → API Keys（bigmodel.cn/usercenter/proj-mgmt/apikeys）。
preset-glm-coding-about = 智譜的 GLM Coding Plan 訂閱方案。智譜在它的 Responses API https://open.bigmodel.cn/api/v1 上為 Codex 提供此方案（此方案的 Chat Completions 位址是 https://open.bigmodel.cn/api/coding/paas/v4）。
preset-glm-coding-key-help = bigmodel.cn → Coding Plan → 你的方案的 API 金鑰（bigmodel.cn/coding-plan/personal/overview）。
preset-zai-about = 智譜的國際平台 Z.ai 提供的 GLM 模型，按用量計費；它的 Responses API（https://api.z.ai/api/v1）支援 Codex 的工具，因此 Codex 會直接連線。
preset-zai-key-help = z.ai → API Keys（z.ai/manage-apikey/apikey-list）。
preset-zai-coding-about = Z.ai 的 GLM Coding Plan 訂閱方案。Z.ai 在它的 Responses API https://api.z.ai/api/v1 上為 Codex 提供此方案（此方案的 Chat Completions 位址是 https://api.z.ai/api/coding/paas/v4）。
preset-zai-coding-key-help = z.ai → Coding Plan（z.ai/subscribe）→ API Keys。
preset-deepseek-about = DeepSeek V4.1（deepseek-flash）；它位於 https://api.deepseek.com 的 Responses API 支援 Codex 的工具，因此 Codex 會直接連線。
preset-deepseek-key-help = platform.deepseek.com → API keys。
preset-qwen-about = 中國大陸的阿里雲百煉（Model Studio）：提供 Qwen 模型，使用它的 Responses API。
preset-qwen-key-help = bailian.console.aliyun.com → API-Key（金鑰只能在它所屬的區域使用）。
preset-qwen-intl-about = 中國大陸以外的阿里雲百煉國際版（Model Studio，新加坡）：提供 Qwen 模型，使用它的 Responses API。
preset-qwen-intl-key-help = modelstudio.console.alibabacloud.com → API Key（金鑰只能在它所屬的區域使用）。
preset-ark-about = 火山方舟（字節跳動）：提供豆包模型及它託管的其他模型，使用它的 Responses API。如果使用 Coding Plan 的金鑰，請改用 https://ark.cn-beijing.volces.com/api/coding/v3。
preset-ark-key-help = console.volcengine.com → 火山方舟 → API Key 管理。
preset-minimax-about = 中國大陸的 MiniMax（api.minimaxi.com）；它的 Responses API 會拒絕 Codex 的 apply_patch 和網頁搜尋，因此 Codex 會透過 Switchboard 橋接連線。
preset-minimax-key-help = platform.minimaxi.com → 帳戶 → API Keys（Token Plan 的金鑰和按用量計費的金鑰不能互相替代）。
preset-minimax-intl-about = 中國大陸以外的 MiniMax（api.minimax.io）；它的 Responses API 會拒絕 Codex 的 apply_patch 和網頁搜尋，因此 Codex 會透過 Switchboard 橋接連線。
preset-minimax-intl-key-help = platform.minimax.io → 帳戶 → API Keys（Token Plan 的金鑰和按用量計費的金鑰不能互相替代）。
preset-mimo-about = 小米 MiMo 模型；它的 Responses API 會拒絕 Codex 的 apply_patch 和網頁搜尋，因此 Codex 會透過 Switchboard 橋接連線。
preset-mimo-key-help = platform.xiaomimimo.com → 主控台 → API Keys。
preset-hunyuan-about = 透過 TokenHub 提供的騰訊混元（Hy）模型；使用 Chat Completions，透過 Switchboard 橋接。
preset-hunyuan-key-help = console.cloud.tencent.com → TokenHub → API Keys（需要 TokenHub 的金鑰：Coding Plan 和 Token Plan 的金鑰在這裡無法使用）。
preset-stepfun-about = 階躍星辰（StepFun）的 Step 模型；使用 Chat Completions，透過 Switchboard 橋接。在中國大陸以外請使用 https://api.stepfun.ai/v1。
preset-stepfun-key-help = platform.stepfun.com → API Keys（中國大陸以外請用 platform.stepfun.ai）。
preset-qianfan-about = 百度智能雲千帆：文心（ERNIE）及它託管的開源模型；在測試確認它的 Responses API 支援 Codex 的工具之前，使用 Chat Completions，透過 Switchboard 橋接。
preset-qianfan-key-help = console.bce.baidu.com → IAM → API Keys。
preset-xai-about = xAI 的 Grok 模型，使用它的 Responses API。
preset-xai-key-help = console.x.ai → API Keys。
preset-groq-about = 在 Groq 的 LPU 上執行、速度很快的託管開源模型（gpt-oss、Llama、Qwen）；在測試確認它的 Responses API 支援 Codex 的工具之前，使用 Chat Completions，透過 Switchboard 橋接。
preset-groq-key-help = console.groq.com → API Keys。
preset-mistral-about = Mistral 的模型（Mistral Medium、Large、Devstral、Codestral）；使用 Chat Completions，透過 Switchboard 橋接，橋接會依 Mistral 的要求使用這個協定。它的 Responses API 仍是預覽版：在測試確認它支援 Codex 的工具之前，會繼續使用橋接。
preset-mistral-key-help = console.mistral.ai → API Keys。
preset-chat-gateway-about = 任何只支援 Chat Completions（POST /v1/chat/completions）的閘道：LiteLLM、vLLM、SiliconFlow、NVIDIA NIM、公司的代理伺服器。Codex 會透過 Switchboard 橋接連線。
preset-chat-gateway-key-help = 請詢問閘道的管理者。
preset-custom-about = 任何支援 OpenAI Responses API 的閘道。
preset-custom-key-help = 請詢問閘道的管理者。

## Codex 連線到供應商的方式：測試的說明、新增供應商時的發現，以及橋接學到的內容

path-direct = 直接連線，因為 { $name } 提供 Responses API，並接受了 Codex 傳送的工具（函式、apply_patch 和網頁搜尋）。
path-direct-no-patch = 直接連線，但不使用 apply_patch：{ $name } 的 Responses API 拒絕了它（{ $said }），所以 Codex 在這裡改用 shell 指令修改檔案。
path-direct-unchecked = 依 { $name } 目前的設定直接連線；測試無法判斷它的 Responses API 是否支援 Codex 傳送的工具。
path-bridge = 透過 Switchboard 橋接連線，橋接會用 Chat Completions 與 { $name } 溝通。
path-bridge-no-responses = 透過 Switchboard 橋接連線，因為 { $host } 沒有 Responses API（POST /responses 回應 { $status }）。
path-bridge-tools-refused = 透過 Switchboard 橋接連線，因為 { $host } 的 Responses API 拒絕了 Codex 傳送的工具（{ $said }）；經過橋接，這些工具會變成供應商接受的函式。
path-offer-direct = { $host } 現在提供 Responses API，並接受了 Codex 傳送的工具：Codex 可以不經橋接，直接連線到它。
path-offer-direct-url = { $url } 提供 Responses API，並接受了 Codex 傳送的工具：Codex 可以不經橋接，透過這個位址直接連線到 { $name }。
path-chose-direct = { $name } 提供 Responses API，並接受了 Codex 傳送的工具，因此 Codex 會直接連線到它。
path-chose-direct-url = { $name } 在 { $url } 提供 Responses API，並在那裡接受了 Codex 傳送的工具，因此 Codex 會透過這個位址直接連線到它。
path-chose-no-patch = { $name } 的 Responses API 拒絕了 apply_patch（{ $said }），而且它沒有 Chat Completions API，因此 Codex 會直接連線到它，並用 shell 指令修改檔案。
path-chose-bridge-no-responses = { $host } 沒有 Responses API（POST /responses 回應 { $status }），因此 Codex 會透過 Switchboard 橋接連線。
path-chose-bridge-tools = { $host } 的 Responses API 拒絕了 Codex 傳送的工具（{ $said }），因此 Codex 會透過 Switchboard 橋接連線，這些工具會在橋接中變成函式。
lesson-no-stream-options = { $name } 拒絕了 `stream_options`；橋接不再傳送它。
lesson-no-parallel-tool-calls = { $name } 拒絕了 `parallel_tool_calls`；橋接不再傳送它。
lesson-no-reasoning-effort = { $name } 拒絕了 `reasoning_effort`；橋接不再傳送它。
lesson-no-reasoning-back = { $name } 不接受先前訊息中附帶的它自己的推理內容；橋接不再把推理內容傳回給它。
lesson-reasoning-on-calls = { $name } 要求每次工具呼叫都附上它自己的推理內容；橋接現在會傳回推理內容，沒有保留推理內容時則改傳佔位內容。
lesson-short-tool-ids = { $name } 要求工具呼叫 ID 必須由 9 個字母或數字組成；橋接現在會縮短這些 ID。
lesson-assistant-after-tool = { $name } 不接受緊接在工具結果之後的使用者訊息；橋接現在會在兩者之間插入一則簡短的助理訊息。

## 測試（每個步驟的簡短說明、結果的句子，以及解決方法；`-hint` 以命令列的用語撰寫）

test-tools-refused = { $name } 的 Responses API 有回應，但拒絕了 Codex 傳送的工具（{ $said }）。
test-tools-refused-hint = 以目前的狀態，Codex 無法透過這個 Responses API 運作；請詢問它的管理者，或改用其他供應商。
test-tools-refused-bridge-hint = 讓 Codex 透過 Switchboard 橋接連線，這些工具會在橋接中變成它接受的函式：`switchboard edit { $id } --api chat`。
test-tools-refused-bridge-fix = 讓 Codex 透過 Switchboard 橋接連線，這些工具會在橋接中變成它接受的函式。

test-timeout-key = 無法在 { $secs } 秒內讀取金鑰。
test-timeout-key-hint = 鑰匙圈或權杖指令可能正在等你解鎖或登入；請再試一次。
test-timeout-host = { $host } 在 { $secs } 秒內沒有回應。
test-timeout-host-hint = 供應商可能負載過重，或防火牆攔下了請求；請再試一次，或加大 --timeout。
test-timeout-host-fix = 供應商可能負載過重，或防火牆攔下了請求；請稍後再試一次。
test-late = 在時限內沒有回應。
test-keychain-unreadable = 無法讀取鑰匙圈。
test-openai-signed-in-file = Codex 已登入 OpenAI（{ $path }）。
test-openai-signed-in-keychain = Codex 已登入 OpenAI（登入資訊存放在系統鑰匙圈中）。
test-openai-signed-out = Codex 尚未登入 OpenAI。
test-openai-signed-out-hint = 請在終端機中執行 `codex login`。
test-config-ok = { $url }，{ $key }
test-bridge-ok = { $reached }；Switchboard 橋接在 127.0.0.1:{ $port } 回應
test-bridge-down = Codex 要透過 Switchboard 橋接連到這個供應商，但橋接無法執行：{ $why }
test-bridge-down-hint = 請執行 `switchboard bridge status`；如果有其他程式佔用了這個連接埠，請停止該程式，或改用其他連接埠（設定 SWITCHBOARD_BRIDGE_PORT，再執行 `switchboard edit <id> --api chat`）。
test-bridge-down-fix = 如果有其他程式佔用了這個連接埠，請停止該程式，然後再按一次「測試」。
test-bridge-url = 供應商的 API 位址無法透過橋接使用
test-codex-failed = 供應商有回應 Switchboard，但 Codex 執行失敗：{ $line }
test-codex-failed-hint = 請自行執行同一個 codex 指令，查看完整的輸出。
test-codex-ok = codex exec 已回覆
test-ok = { $name } 以 { $model } 回應 Responses API；Codex 可以正常使用。
test-ok-bridged = { $name } 透過 Switchboard 橋接以 { $model } 回應（橋接會用 Chat Completions 與它溝通）；Codex 可以正常使用。
test-key-keychain = 金鑰來自系統鑰匙圈
test-key-env = 金鑰來自 ${ $var }
test-key-command = 權杖來自 `{ $command }`
test-key-none = 無金鑰
test-key-file = 金鑰寫在 config.toml 中
test-keychain-empty = 系統鑰匙圈中沒有 `{ $id }` 的金鑰。
test-keychain-empty-hint = 請用 `switchboard key set { $id }` 貼上你的金鑰（金鑰會從標準輸入讀取）。
test-keychain-empty-fix = 請按「編輯」，將你的金鑰貼到「金鑰」欄位。
test-env-unset = 環境變數 { $var } 未設定，因此 Codex 沒有 `{ $id }` 的金鑰。
test-env-unset-hint = 請在啟動 Codex 的 shell 中 export { $var }，或把金鑰存入鑰匙圈：`switchboard key set { $id }`。
test-env-unset-fix = 請在啟動 Codex 的環境中設定 { $var }，或按「編輯」，改把金鑰存在鑰匙圈中。
test-command-timeout = 權杖指令 `{ $command }` 未在 { $secs } 秒內執行完畢。
test-command-timeout-hint = 請自行執行它：它可能正在等你登入或回應提示。
test-command-not-started = 無法啟動權杖指令 `{ $command }`：{ $error }。
test-command-not-started-hint = 請確認它已安裝且位於 PATH 中，或改用它的絕對路徑。
test-command-failed = 權杖指令 `{ $command }` 執行失敗（{ $status }）：{ $line }
test-command-failed-hint = 請自行執行它查看原因；你可能需要重新登入（例如 `az login`）。
test-command-silent = 權杖指令 `{ $command }` 沒有輸出任何內容。
test-command-silent-hint = 它必須在標準輸出印出權杖。
test-header-bad-name = { $table } 中的標頭名稱 `{ $name }` 不是有效的 HTTP 標頭名稱，因此無法送出。
test-header-bad-name-hint = 標頭名稱只能包含英文字母、數字和 !#$%&'*+-.^_`|~；請用 `switchboard edit { $id } --header NAME=VALUE` 或在 config.toml 中修正。
test-header-bad-name-fix = 標頭名稱只能包含英文字母、數字和 !#$%&'*+-.^_`|~；請按「編輯」修正，或在 config.toml 中修正。
test-header-control = 無法送出標頭 `{ $name }`：其中含有換行或其他控制字元。
test-header-control-hint = 請移除標頭 `{ $name }` 中的控制字元。
test-header-env-control = 標頭 `{ $name }` 所用的 ${ $var } 值無法送出：其中含有換行或其他控制字元。
test-header-env-control-hint = 請移除 ${ $var } 值中的控制字元（這個值用於標頭 `{ $name }`）。
test-reached = 可連線到 { $host }（{ $addr }）
test-dns = 找不到 { $host } 這個主機名稱（DNS）。
test-dns-hint = 請檢查 API 位址的拼寫，並確認你連上的網路（或 VPN）找得到這台主機。
test-ollama-down = Ollama 沒有在 { $host }:{ $port } 上執行。
test-ollama-down-hint = 請用 `ollama serve` 啟動它（或開啟 Ollama 應用程式），然後再測試一次。
test-refused = { $host }:{ $port } 上沒有程式在接聽：連線遭到拒絕。
test-refused-hint = 請檢查 API 位址中的連接埠，並確認伺服器正在執行。
test-unreachable = 無法連線到 { $host }:{ $port }。
test-network-hint = 請檢查你的網路、VPN 或代理伺服器。
test-models-listed = 已列出 { $count } 個模型
test-models-answered = 有回應，但沒有 Switchboard 能讀取的模型清單
test-models-too-large = GET /models 的回應超過 { $mb } MB，Switchboard 已停止讀取
test-models-status = GET /models 回應 { $status }
test-models-html = GET /models 回應的是網頁
test-models-failed = GET /models 失敗
test-redirect-other-host = API 位址會重新導向到另一台主機（{ $host }）；Switchboard 沒有帶著你的金鑰跟過去。
test-redirect = API 位址會重新導向（{ $status }）到 { $url }。
test-redirect-hint = 如果你信任這個位址，請把它設為 API 位址：`switchboard edit { $id } --base-url { $url }`。
test-redirect-fix = 如果你信任這個位址，請按「編輯」，把它設為「API 位址（base URL）」：{ $url }
test-not-stream = 供應商回應 /responses 時沒有使用串流（沒有 text/event-stream），Codex 無法使用這種回應。
test-not-stream-hint = 請確認供應商的 Responses API 支援串流。
test-streamed = 串流完成，收到 response.completed
test-streamed-partly = 部分串流（收到 response.created，但串流在 response.completed 前就結束了）
test-stream-failed = 供應商開始回應後失敗了：{ $message }
test-stream-failed-unsaid = 供應商回報了錯誤
test-stream-failed-hint = 請再試一次；如果一直失敗，請換個模型試試。
test-stream-capped = 供應商的串流超過 { $mb } MB 仍沒有 response.completed；Switchboard 已停止讀取。
test-other-protocol-hint = 這個端點可能使用其他協定；請確認它有實作 POST /v1/responses。
test-no-events = 供應商的串流中沒有 Responses API 事件（沒有 response.created）。
test-unauthorized = 供應商拒絕了這個金鑰（{ $status }）。
test-unauthorized-said = 供應商拒絕了這個金鑰（{ $status }）：{ $said }。
test-unauthorized-hint = 請檢查金鑰，或用 `switchboard key set { $id }` 貼上新的金鑰。
test-unauthorized-fix = 請檢查金鑰，或按「編輯」貼上新的金鑰。
test-rate-limited = 供應商表示請求過多（429）：金鑰有效，但已達到請求頻率上限，或額度已用完。
test-rate-limited-hint = 請等一分鐘，或向供應商確認你的方案和額度。
test-server-error = 供應商發生內部錯誤（{ $status }）；問題出在供應商那一端。
test-server-error-hint = 請過幾分鐘再試，或查看供應商的服務狀態頁面。
test-api-version = Azure 拒絕了這個 api-version。
test-api-version-named = Azure 拒絕了 api-version `{ $version }`。
test-api-version-hint = 使用 /openai/v1 的 API 位址時，請不要指定 api-version（`switchboard edit { $id } --api-version ""`）；使用舊版 /openai 路徑時，請改用支援的版本，例如 2025-04-01-preview。
test-api-version-fix = 使用 /openai/v1 的 API 位址時，請將「api-version」留空（按「編輯」）；使用舊版 /openai 路徑時，請改用支援的版本，例如 2025-04-01-preview。
test-status = 供應商回應 { $status }。
test-status-said = 供應商回應 { $status }：{ $said }。
test-status-hint = 請對照供應商的文件，檢查 API 位址、模型和標頭。
test-model-unknown = 供應商找不到模型 `{ $model }`。
test-model-unknown-offers = 供應商找不到模型 `{ $model }`。它提供的模型有：{ $models }。
test-model-unknown-hint = 請選擇供應商提供的模型（模型選單會列出這些模型），或檢查拼寫。
test-chat-only = { $name } 有回應，但沒有 Responses API（POST /responses 回應 { $status }）：它只支援 Chat Completions，而 Codex 需要 Responses API。
test-chat-only-bridge-hint = 讓 Codex 透過 Switchboard 橋接連線，橋接會用 Chat Completions 與它溝通：`switchboard edit { $id } --api chat`。
test-chat-only-bridge-fix = 讓 Codex 透過 Switchboard 橋接連線，橋接會用 Chat Completions 與它溝通。
test-chat-only-hint = 請使用支援 /v1/responses 的供應商或閘道版本（Ollama 需要 0.13.3 或更新版本）。
test-web-page = 你的 API 位址回應的是網頁，而不是 API。
test-web-page-known-hint = 你的 API 位址回應的是網頁。{ $name } 的 API 位於 { $url }。
test-web-page-hint = API 位址指向的是網頁，而不是 API；API 位址通常以 /v1 結尾。
test-nothing-here = { $url } 沒有任何服務回應：/models 和 /responses 都回應 404。
test-use-url-hint = 請改用 { $url }。
test-path-hint = 請檢查路徑：大多數供應商的 API 都位於 /v1 之下（例如 https://host/v1）。
test-stopped = { $host } 中途停止回應。
test-stopped-hint = 請再試一次，或加大 --timeout。
test-stopped-fix = 請稍後再試一次。
test-tls = 與 { $host } 的安全連線（TLS）失敗。
test-tls-plain-hint = 伺服器在這個連接埠上不支援 HTTPS；請改用 http://。
test-tls-hint = 可能有代理伺服器或防火牆攔截了 TLS，或這台電腦不信任伺服器的憑證。
test-connect-failed = 連線到 { $host } 失敗。
test-request-failed = 請求失敗：{ $detail }
test-request-failed-hint = 請檢查 API 位址，然後再試一次。
test-wire-api = wire_api 設為 "{ $value }"，Codex 已不再接受這個值；它只支援 Responses API。
test-wire-api-hint = 如果供應商支援，請設定 wire_api = "responses"；否則請改用支援的供應商。
test-auth-conflict = 這個供應商有 [auth] 表格，同時又設定了 env_key、experimental_bearer_token 或 requires_openai_auth；Codex 會拒絕載入這種設定。
test-auth-conflict-hint = 請只保留一種提供金鑰的方式：執行 `switchboard edit { $id } --key-stdin`，讓 Switchboard 幫你整理。
test-auth-conflict-fix = 請只保留一種提供金鑰的方式：按「編輯」，貼上金鑰後按「儲存變更」，Switchboard 就會幫你整理好。
test-no-base-url = 這個供應商沒有 base_url。
test-no-base-url-hint = 請用 `switchboard edit { $id } --base-url URL` 設定。
test-no-base-url-fix = 請按「編輯」，填寫「API 位址（base URL）」。
test-unparsable-url = 無法解析 API 位址 { $url }。
test-unparsable-url-hint = 請用 `switchboard edit { $id } --base-url URL` 設定類似 https://host/v1 的位址。
test-unparsable-url-fix = 請按「編輯」，在「API 位址（base URL）」填入類似 https://host/v1 的位址。
test-url-tail = 你的 API 位址以 { $tail } 結尾，但 Codex 會自行加上 /responses。
test-url-tail-hint = 請將 API 位址改為 { $url }：`switchboard edit { $id } --base-url { $url }`。
test-url-tail-fix = 請按「編輯」，將「API 位址（base URL）」改為 { $url }。
test-url-path = { $host } 的 API 位於 { $path } 之下，但你的 API 位址缺少這段路徑。
test-url-path-hint = 請改用 { $url }：`switchboard edit { $id } --base-url { $url }`。
test-url-path-fix = 請按「編輯」，將「API 位址（base URL）」改為 { $url }。
test-azure-path = Azure OpenAI 的 API 位於 /openai 之下，但你的 API 位址缺少這段路徑。

## 系統匣（選單和通知）

tray-test = 測試目前的供應商
tray-open = 開啟 Switchboard
tray-quit = 結束
tray-title = Codex：{ $provider }
tray-openai = OpenAI（預設）
tray-switched = Codex 現在使用 { $provider }
tray-switched-model = Codex 現在使用 { $provider }，模型 { $model }
tray-switch-failed = 無法切換：{ $reason }

## 操作之後（命令列的一行、視窗的通知）

op-switched = Codex 現在使用 `{ $id }`，模型為 { $model }。
op-switched-default = Codex 現在使用 `{ $id }`，模型為 Codex 的預設模型。
op-sessions-kept = 你在 `{ $prev }` 下的工作階段仍保留在磁碟上：`switchboard sessions --provider { $prev }` 會列出它們，並附上繼續每個工作階段的指令。
op-sessions-kept-in-window = 你在 `{ $prev }` 下的工作階段仍保留在磁碟上：「工作階段」會列出它們，並附上繼續每個工作階段的指令。
op-added = 已新增 { $name }，ID 為 `{ $id }`，模型為 { $model }。用 `switchboard use { $id }` 切換到它。
op-added-in-window = 已新增 { $name }，ID 為 `{ $id }`，模型為 { $model }。在它那一列按「使用」即可切換過去。
op-imported = 已新增 { $name }，ID 為 `{ $id }`，模型為 { $model }。
op-import-same = `{ $id }` 已經是完全相同的設定，沒有任何變更。
op-removed = 已移除 `{ $id }`。
op-removed-active = Codex 已改回預設供應商（openai）。
op-removed-sessions = 它的 { $count } 個工作階段仍保留在磁碟上；一旦再有 ID 為 `{ $id }` 的供應商，Codex 就能繼續這些工作階段。
op-updated = 已更新 `{ $id }`。
op-key-stored = 已把 `{ $id }` 的金鑰存入系統鑰匙圈。
op-key-stored-switched = 已把 `{ $id }` 的金鑰存入系統鑰匙圈；Codex 現在從那裡讀取。
op-key-deleted = 已從系統鑰匙圈刪除 `{ $id }` 的金鑰。
op-key-none = `{ $id }` 沒有儲存金鑰。
op-restored = 已還原 { $name }。
op-restore-same = config.toml 已與 { $name } 相同，不需要任何動作。
op-warn-no-key = `{ $id }` 還沒有儲存金鑰：請執行 `switchboard key set { $id }`。
op-warn-no-key-in-window = `{ $id }` 還沒有儲存金鑰：請按「編輯」，將金鑰貼到「金鑰」欄位。
op-warn-key-not-deleted = 供應商已移除，但無法從鑰匙圈刪除它的金鑰：{ $error }
op-secured =
    { $count ->
       *[other] 已將 { $ids } 的金鑰移入系統鑰匙圈；Codex 現在從那裡讀取。
    }
op-secured-no-backup = switchboard-backups/ 中沒有任何備份含有它。
op-secured-scrubbed = 已從 Switchboard 自己的 switchboard-backups/ 資料夾中的 { $count } 份備份清除它；沒有動到其他任何檔案。
op-cc-nothing = 沒有可匯入的項目：CC Switch 中的每個 Codex 供應商都已經在這裡，或無法使用。
op-cc-imported = 已從 CC Switch 匯入 { $count } 個供應商：{ $list }。{ $keys } 個金鑰已存入系統鑰匙圈；Switchboard 只讀取了 CC Switch 的資料庫，沒有修改它。

## config.toml 之上的組織設定層（`use`、`list`、`doctor`、視窗的頁首）

managed-sets = 你的組織在 { $file } 中設定了 `{ $key }`{ $shown }，其優先順序高於 config.toml：無論 Switchboard 選擇什麼，Codex 都會使用這個值。
managed-system = config.toml 沒有設定 `{ $key }`，因此由系統檔案 { $file } 決定它的值{ $shown }。
managed-rule = 你的組織在 { $file } 中設定了規則 `{ $key }`；Codex 會強制套用這項規則，不受 config.toml 影響。
managed-mdm = 你的組織的設定描述檔（{ $file }）正在管理 Codex，可能會指定供應商或模型。

## 分享內容：分享時排除了什麼，匯入時忽略了什麼

share-omitted-header = `{ $id }` 的標頭 `{ $header }` 看起來像憑證，因此已排除。
share-omitted-file-key = `{ $id }` 把金鑰存放在 config.toml 中；分享內容會改為請接收者提供自己的金鑰。
share-omitted-args = `{ $id }` 的權杖指令中有參數看起來像憑證，因此已排除所有參數。
share-ignored = 已忽略 `{ $key }`：這個版本的 Switchboard 不認得它。
share-ignored-before-id = 已忽略 `{ $key }`：它出現在任何供應商的 `id` 之前。
share-ignored-field = 已忽略 `{ $id }` 的 `{ $key }`：這個版本的 Switchboard 不認得它。
share-ignored-field-typed = 已忽略 `{ $id }` 的 `{ $key }`（{ $type }）：這個版本的 Switchboard 不認得它。

## doctor 的檢查項目（`switchboard doctor`；檢查項目名稱和狀態一律維持原樣）

doctor-config-ok = { $path } 可以正常載入
doctor-profile-key = config.toml 的最上層有 `profile = ...`，目前版本的 Codex 會把它視為錯誤。
doctor-profile-key-hint = 請刪除這一行，改用 NAME.config.toml 檔案搭配 `codex -p NAME`。
doctor-profiles = config.toml 中有舊式的 [profiles.*] 表格，目前版本的 Codex 會忽略它們。
doctor-profiles-hint = 請把每個表格分別移到各自的 $CODEX_HOME/NAME.config.toml，再執行 `codex -p NAME`。
doctor-profiles-none = 沒有舊式的 profile 設定
doctor-active-ok = 目前使用中的供應商 `{ $id }` 已定義
doctor-active-missing = model_provider 設為 `{ $id }`，但沒有 [model_providers.{ $id }] 表格：Codex 將無法啟動。
doctor-active-missing-hint = 請用 `switchboard use <id>` 選擇現有的供應商。
doctor-managed-none = 沒有組織設定層指定供應商或模型
doctor-managed-hint = 請聯絡這台電腦的管理者修改 { $file }；Switchboard 不會編輯這個檔案。
doctor-builtin-keys = [model_providers.{ $id }] 設定了 { $keys }，但 Codex 內建的供應商 `{ $id }` 不接受這些鍵，因此無論使用哪個供應商，Codex 都會拒絕啟動。
doctor-builtin-keys-hint = 請從該表格刪除 { $keys }，或重新命名表格（例如改為 { $id }-custom），並同步更新 model_provider。
doctor-builtin-id = { $tables } 使用了 Codex 內建的 ID，因此 Codex 會拒絕載入整個檔案。
doctor-builtin-id-hint = 請重新命名表格（例如改為 ollama-local），並同步更新 model_provider。
doctor-builtin-none = 沒有供應商使用保留的 ID
doctor-bridge-running = Switchboard 橋接正在 127.0.0.1:{ $port } 上執行（pid { $pid }，正在轉送 { $streams } 個串流），供 { $users } 使用
doctor-bridge-older = 127.0.0.1:{ $port } 上執行的是舊版 Switchboard 橋接（版本 { $version }），供 { $users } 使用；Codex 下次啟動它時會將其替換
doctor-bridge-stopped = Switchboard 橋接（127.0.0.1:{ $port }，供 { $users } 使用）未在執行；Codex 會在需要時啟動它
doctor-bridge-taken = 127.0.0.1:{ $port } 被其他程式佔用，而 { $users } 所用的 Switchboard 橋接需要在這裡執行：Codex 無法連到這些供應商。
doctor-bridge-taken-hint = 請停止該程式，或把橋接改到其他連接埠：設定 SWITCHBOARD_BRIDGE_PORT，再對每個供應商執行 `switchboard edit <id> --api chat`。
doctor-bridge-state-hint = 請確認 $XDG_RUNTIME_DIR 屬於你本人，而且可以寫入。
doctor-catalog-ok = Codex 從 { $file } 讀取模型（包括 Codex 自己的清單，以及 Switchboard 描述的模型）
doctor-catalog-missing = config.toml 指定了 { $file }，但它不存在或無法讀取：Codex 將無法啟動。
doctor-catalog-missing-hint = 請再執行一次 `switchboard use <provider>` 來寫入它，或執行 `switchboard use openai`。
doctor-catalog-own = config.toml 指定了你自己的模型目錄；Switchboard 不會更動它，也不會向 Codex 描述任何模型
doctor-plain-none = 沒有以明文儲存的金鑰
doctor-plain = 有 { $count } 個金鑰以明文儲存：{ $list }
doctor-plain-hint = 請用 `switchboard secure --all` 把它們移到鑰匙圈。
doctor-plain-stuck-hint = 請用 `switchboard secure --all` 把它們移到鑰匙圈（Authorization 和 api-key 以外的標頭會保留原處：Codex 只能以 Bearer 權杖的形式傳送鑰匙圈中的金鑰）。
doctor-env-none = 沒有依賴 shell 變數的金鑰
doctor-env = 只存在於環境變數中的金鑰（從 Dock、IDE 或 Codex 應用程式啟動的 Codex 讀不到）：{ $list }
doctor-env-hint = 請在已設定該變數的 shell 中執行 `switchboard secure <id>`，把金鑰保存在鑰匙圈中。

## 命令列本身輸出的內容（標籤 `error:`、`hint:` 和 `warning:` 一律維持原樣）

cli-fix = 解決方法：{ $fix }
cli-models = 模型：{ $list }
cli-path = 連線方式：{ $why }
cli-path-offer = 更好的方式：{ $why }請執行 `{ $command }`。
cli-learnt = 已學到：{ $lesson }
cli-model = 模型 { $model }
cli-no-backups = 還沒有備份。Switchboard 每次變更 config.toml 前，都會先建立一份備份。
cli-backup = { $name }  { $taken } UTC  { $size } 位元組
cli-backup-taken = 變更前 config.toml 的備份：{ $name }
cli-backup-scrubbed = 變更前 config.toml 的備份（已清除金鑰）：{ $name }
cli-no-providers = 還沒有可測試的供應商。請用 `switchboard add <preset>` 新增一個。
cli-asks-for = 需要提供：{ $fields }
cli-codex-home = Codex 主目錄：{ $path }
cli-key-stored = 金鑰：已儲存
cli-key-missing = 金鑰：未儲存
cli-key-unknown = 金鑰：不明（無法存取鑰匙圈）
cli-key-env = 金鑰來自環境變數
cli-key-command = 金鑰來自指令
cli-key-file = 金鑰在 config.toml 中（明文）
cli-key-openai = OpenAI 登入
cli-key-none = 無金鑰
cli-sessions = { $count } 個工作階段
cli-share-wrote = 已寫入 { $path }（其中不含金鑰）。
cli-left-out = 已排除：{ $what }
cli-import-provider = { $id }（{ $preset }）：{ $name }，位於 { $host }，模型 { $model }
cli-needs-allow-command = （未加上 --allow-command 時會被拒絕）
cli-secure-moved = 已移入  { $what }
cli-secure-kept = 已保留  { $what }
cli-secure-deleted = 已刪除 { $count } 份以其他寫法含有該金鑰的備份：{ $names }
cli-dry-run = 模擬執行：未寫入任何內容。
cli-cc-switch-to = 用 `switchboard use { $id }` 切換到其中一個。
cli-cc-database = CC Switch 資料庫：{ $path }（結構描述版本 { $version }）
cli-cc-empty = 其中沒有 Codex 供應商。
cli-cc-ready = 匯入為 `{ $id }`（{ $preset } 範本，無金鑰）
cli-cc-ready-key = 匯入為 `{ $id }`（{ $preset } 範本，金鑰存入鑰匙圈）
cli-cc-duplicate = 這裡已有 `{ $id }`（API 位址和模型都相同）
cli-cc-official = 已略過：這是官方項目，或是由 CC Switch 管理的登入，本身沒有金鑰（Codex 已內建 OpenAI 登入）
cli-cc-not-responses = 已略過：CC Switch 是從其他 API 轉換這個上游的；Codex 需要 Responses API
cli-cc-unusable = 已略過：{ $why }
cli-no-sessions-for = { $path } 中沒有 `{ $id }` 已儲存的 Codex 工作階段。
cli-no-sessions = { $path } 中沒有已儲存的 Codex 工作階段。
cli-no-message = （沒有訊息）
cli-session-in = 工作目錄：{ $path }
cli-session-resume = 繼續：{ $command }
cli-bridge-running = 橋接正在 127.0.0.1:{ $port } 上執行（pid { $pid }，版本 { $version }），正在轉送 { $streams } 個串流。
cli-bridge-stopped = 橋接未在 127.0.0.1:{ $port } 上執行；Codex 會在需要時啟動它。
cli-bridge-taken = 127.0.0.1:{ $port } 上有其他程式在回應，因此橋接無法在那裡執行。
cli-bridge-ending = 橋接會在目前的串流全部結束後停止。
cli-bridge-was-stopped = 橋接原本就沒有在執行。

## 分享內容的注意事項（命令列在匯入前印出）

share-caution-plain-http = 連到 { $host } 用的是一般的 http://，金鑰會在未加密的情況下於網路上傳送。
share-caution-unusual-host = { $host } 不是這個範本通常連線的主機（{ $usual }）。
share-caution-runs-command = Codex 會執行這個指令來取得權杖：{ $command }

## 無法連到 Switchboard 橋接的原因（Codex 記錄檔中的一行，以及測試的原因）

bridge-port-taken = 127.0.0.1 上的連接埠 { $port } 被其他程式佔用，Switchboard 橋接無法在這裡啟動；請停止該程式，或用 SWITCHBOARD_BRIDGE_PORT 和 `switchboard edit <id> --api chat` 把橋接改到其他連接埠
bridge-no-answer = 橋接已在 127.0.0.1:{ $port } 上啟動，但沒有回應；請執行 `switchboard doctor` 查看
bridge-files = 無法使用橋接的執行階段資料夾：{ $detail }
bridge-spawn = 無法啟動橋接：{ $detail }

## Codex 對模型的了解（測試結果的最後一行、列表列的提示）

# { $window } 是 model-window- 其中一則，{ $patch } 是 model-patch- 其中一則。
model-summary = { $model }：{ $window }；{ $patch }。
model-window-you = 上下文視窗 { $tokens } token（你設定的）
model-window-provider = 上下文視窗 { $tokens } token（來自 { $source } 的模型清單）
model-window-family = 上下文視窗 { $tokens } token（{ $source }）
model-window-codex = 上下文視窗 { $tokens } token（Codex 已知為 { $source }）
model-window-default = 上下文視窗不明，以 { $k }k 計算
model-patch-bridge = Codex 以 apply_patch 修改檔案，由橋接轉為函式呼叫
model-patch-accepted = Codex 以 apply_patch 修改檔案（供應商支援自訂工具）
model-patch-refused = 不使用 apply_patch：供應商拒絕自訂工具，Codex 改用 shell 指令修改檔案
model-patch-untested = 在測試確認供應商支援自訂工具之前，不使用 apply_patch
model-patch-codex = Codex 以 apply_patch 修改檔案
model-patch-codex-shell = Codex 以 shell 指令修改檔案

# The router (issue 22)
path-offer-bridge-patch = 透過 Switchboard 橋接，Codex 可以在 { $host } 上用 apply_patch 編輯檔案：在橋接中它會變成 { $host } 接受的函式。
op-switched-routed = Codex 現在透過 Switchboard 使用 `{ $id }`，模型為 { $model }：跟隨 Switchboard 選擇的工作階段會在下一輪切換過去。
op-routed-first = 從現在起，Codex 會把 Switchboard 的所有供應商當成一個供應商 `switchboard` 來連線：每個模型都在 Codex 的 /model 選擇器中，切換會傳到正在執行的工作階段，無論切換到哪裡，新的工作階段都會保持在一起。
op-models-listed = Codex 列出 `{ $id }` 的這些模型：{ $models }。
op-route-direct = 從下次使用起，Codex 會把 `{ $id }` 當成獨立供應商直接連線（之後它的工作階段會分開存放）。
op-route-router = 從下次使用起，Codex 會再次透過 Switchboard 連線到 `{ $id }`。
cli-route-router = 透過 Switchboard
cli-route-direct = 直接連線，作為獨立供應商
cli-models-available = 它也提供：{ $list }

# doctor：路由
doctor-router-running = Switchboard 的路由在 127.0.0.1:{ $port } 上執行（pid { $pid }），正在承載 { $streams } 個串流
doctor-router-older = 127.0.0.1:{ $port } 上執行的是舊版 Switchboard 路由（版本 { $version }）；Codex 會在下一次請求時替換它
doctor-router-stopped = Switchboard 的路由（127.0.0.1:{ $port }）沒有在執行；Codex 需要時會啟動它
doctor-router-taken = 另一個程式佔用了 Switchboard 路由使用的 127.0.0.1:{ $port }：Codex 無法連線到 Switchboard 的供應商。
doctor-router-taken-hint = 請停止那個程式，或換一個連接埠：設定 SWITCHBOARD_BRIDGE_PORT 後重新執行 `switchboard use <id>`。
doctor-router-current = Codex 的模型 `{ $slug }` 會送到 `{ $id }`，模型 { $model }
doctor-router-unrouted = Codex 的模型 `{ $slug }` 不是 Switchboard 的模型：Codex 的下一個請求會被拒絕。
doctor-router-unrouted-hint = 執行 `switchboard use <id>`，或在 Codex 中用 /model 選擇 Switchboard 的一個模型。
