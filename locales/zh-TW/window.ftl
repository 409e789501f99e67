# Switchboard 的繁體中文（台灣）用語：視窗本身的句子。每種語言一個檔案
# （en、zh-CN、zh-TW、ja），訊息與參數都相同；ui/src/lib/i18n.test.ts 會檢查這點，
# 也會檢查每則訊息都有用到。
# 供應商名稱、ID、路徑和指令在每種語言中都維持原樣。

## 頁首與各區段

header-codex-uses = Codex 使用 { $provider }
header-codex-uses-model-title = Codex 使用 { $provider } · { $model }
openai-default = OpenAI（預設）
managed-button = 由你的組織管理
managed-hint = Switchboard 仍會將你的選擇寫入 config.toml。如需變更，請聯絡這台電腦的管理員修改他們的設定檔。
nav-label = 區段
nav-providers = 供應商
nav-add = 新增供應商
nav-sessions = 工作階段
nav-import = 匯入
nav-backups = 備份

## 通知

notice-dismiss = 關閉
load-try-again = 再試一次
added-provider = 已新增 { $id }。請按「測試」檢查，再按「使用」讓 Codex 改用它。

## 供應商

empty-title = 讓 Codex 改用其他供應商
empty-body = 可選擇 Azure、Vercel、OpenRouter、Ollama、Kimi、GLM、DeepSeek、Mistral 或公司的閘道；只支援 Chat Completions 的供應商會透過 Switchboard 橋接。你的金鑰會存入系統鑰匙圈，Switchboard 只會修改 config.toml 中必要的幾行。
empty-add = 新增第一個供應商
empty-import = 從 CC Switch 匯入
providers-label = 供應商
dot-untested = 尚未測試
dot-last-test = 上次測試：{ $verdict }
badge-active = 啟用中
tag-from-config = 來自你的設定
tag-from-config-title = 手動寫在 config.toml 中
row-built-in = Codex 內建
row-bridged = 透過 Switchboard 橋接
row-context = 上下文 { $tokens }
row-sessions = { $count } 個工作階段
button-use = 使用
button-in-use = 使用中
button-test = 測試
button-testing = 測試中…
button-edit = 編輯
button-share = 分享
button-remove = 移除
announce-testing = 正在測試 { $provider }…
announce-verdict = { $provider }：{ $verdict }。{ $message }

## 移除

confirm-remove-label = 確認移除
confirm-remove = 要移除 { $provider } 及其儲存的金鑰嗎？
confirm-remove-active = Codex 會改回使用 OpenAI。
confirm-remove-sessions = 已儲存的 { $count } 個工作階段會保留在磁碟上，但除非重新加入此供應商，否則 Codex 無法繼續這些工作階段。
confirm-remove-backup = 會保留一份 config.toml 的備份。
confirm-remove-keep = 保留

## 新增

presets-title = 新增供應商
presets-lead = 選擇 Codex 要把請求送到哪裡。
presets-filter = 尋找供應商
presets-filter-placeholder = 名稱、國家或地區、模型
presets-none = 沒有符合「{ $query }」的預設。「Custom provider」和「Chat Completions gateway」可使用任何位址。
# { $link } 是 presets-cc-switch-link，會顯示為連結。
presets-cc-switch = 在用 CC Switch 嗎？{ $link }，並把金鑰移入系統鑰匙圈。
presets-cc-switch-link = 匯入它的 Codex 供應商

## 備份

backups-title = config.toml 的備份
backups-lead = Switchboard 每次變更前都會先存一份副本，並保留最新的 20 份。
backups-empty = 還沒有備份。下次 Switchboard 變更 config.toml 時，會建立第一份備份。
backups-taken = { $when } UTC
backups-newest = 最新
backups-size = { $name } · { $size } 位元組
confirm-restore-label = 確認還原
confirm-restore = 要用這份副本取代 config.toml 嗎？（會先備份目前的檔案。）
button-cancel = 取消
button-restore = 還原
button-restore-ask = 還原…

## 頁尾

footer-codex-home = Codex 資料夾：{ $path }
footer-login = 登入時啟動
footer-login-title = 登入時，Switchboard 會在系統匣中啟動，不會開啟視窗。
footer-language = 語言
footer-version = Switchboard { $version }

## 測試

test-running = 正在用 Codex 的方式測試連線…
test-what-to-do = 解決方法：
test-bridge-fix = 讓 Codex 透過 Switchboard 橋接連線。橋接會用 Chat Completions 與供應商溝通，並在 Codex 需要時於這台電腦上自動啟動。
test-use-bridge = 使用 Switchboard 橋接
test-use-direct = 直接連線
test-way = 連線方式：
test-better = 更好的方式：
test-learnt = 已學到：
test-not-reached = 未執行
test-working = 進行中…
test-waiting = 等待中
step-config = 設定
step-connect = 連線到主機
step-models = 列出模型
step-responses = Responses API
step-codex = 實際執行 Codex

## 結果（每個診斷代碼一則）

verdict-ok = 可供 Codex 使用
verdict-missing-key = 尚未設定金鑰
verdict-token-command-failed = 權杖指令失敗
verdict-invalid-config = 設定需要修正
verdict-dns = 找不到位址
verdict-unreachable = 無法連線
verdict-tls = 安全連線失敗
verdict-timeout = 等候回應逾時
verdict-unauthorized = 金鑰未被接受
verdict-wrong-base-url = 位址錯誤
verdict-no-responses-api = 此供應商無法支援 Codex
verdict-tools-refused = Codex 的工具遭到拒絕
verdict-model-not-found = 找不到模型
verdict-azure-api-version = Azure 拒絕此 API 版本
verdict-rate-limited = 請求過於頻繁
verdict-provider-error = 供應商服務異常
verdict-unexpected-response = 非預期的回應

## 金鑰如何提供給 Codex

auth-keychain = 金鑰存於鑰匙圈
auth-keychain-missing = 鑰匙圈中尚無金鑰
auth-env = 來自 ${ $var }
auth-command = 權杖指令
auth-file-token = 金鑰存於 config.toml
auth-openai = OpenAI 登入
auth-none = 無金鑰

## 供應商表單（新增與編輯）

form-title-add = 新增 { $preset }
form-title-edit = 編輯 { $provider }
form-other-address = 其他 API 位址
# { $tokens } 是 Switchboard 找到的上下文視窗大小，單位為 token。
form-context-found = { $tokens }（由 Switchboard 判斷）
form-models-offered = 有 { $count } 個模型可選；輸入文字即可篩選，也可以輸入任何名稱。
# { $url } 是範本的位址。
form-base-url-default = 留空則使用 { $url }。
form-key = 金鑰
form-key-stored = 金鑰已存入你的鑰匙圈。
form-key-replace = 更換
form-key-remove = 移除
form-key-deleted = 已刪除 { $provider } 的金鑰。
form-key-modes-label = Codex 如何取得金鑰
form-mode-keychain = 鑰匙圈
form-mode-env = 環境變數
form-mode-command = 權杖指令
form-mode-none = 無金鑰
form-token-args = 參數
form-more-options = 更多選項
form-bridge = 透過 Switchboard 橋接
form-bridge-help = 適用於只支援 Chat Completions（POST /chat/completions）的供應商：Codex 會透過這台電腦上的 Switchboard 橋接連線，橋接會在 Codex 需要時自動啟動。
form-cancel = 取消
form-saving = 儲存中…
form-add = 新增供應商
form-save = 儲存變更

## 供應商表單的欄位（標籤、留空時的提示、說明、預留位置文字）

field-id-label = ID
field-id-missing = 請為供應商取一個簡短的 ID，例如 openrouter 或 corp。
field-id-help = Codex 和系統匣用來稱呼它的名稱。可使用英文字母、數字、- 和 _。
field-name-label = 顯示名稱
field-name-missing = 請為供應商取個名稱。
field-base-url-label = API 位址（base URL）
field-base-url-missing = 請輸入 API 位址，例如 https://openrouter.ai/api/v1。
field-base-url-help = 通常以 /v1 結尾。Codex 會自行加上 /responses。
field-model-label = 模型
field-model-missing = 請輸入供應商要求的模型名稱。
field-model-help = 請輸入模型名稱；如果供應商提供模型清單，就會出現建議。
field-model-placeholder = 模型名稱
field-resource-label = Azure 資源
field-resource-missing = 請輸入你的 Azure 資源名稱（.openai.azure.com 前面的部分）。
field-resource-help = 來自 Azure 入口網站中的 https://<resource>.openai.azure.com。
field-deployment-label = 部署
field-deployment-missing = 請輸入 Azure AI Foundry 中的部署名稱。
field-deployment-help = Azure AI Foundry 中的部署名稱；Codex 會把它當作模型名稱送出。
field-api-version-label = api-version
field-api-version-missing = 請輸入 api-version。
field-api-version-placeholder = 僅適用於舊版 /openai 路徑
field-key-label = API 金鑰
field-key-missing = 請貼上你的 API 金鑰，或選擇「無金鑰」。
field-key-missing-required = 請貼上你的 API 金鑰。
field-key-help = 存放在系統鑰匙圈中，絕不寫入檔案。
field-key-placeholder = 貼上你的金鑰
field-env-var-label = 變數名稱
field-env-var-missing = 請輸入變數名稱，例如 OPENROUTER_API_KEY。
field-env-var-help = Codex 會從啟動它的 shell 中，讀取這個變數裡的金鑰。
field-token-command-label = 指令
field-token-command-missing = 請輸入會輸出權杖的指令。
field-token-command-help = 適用於短效權杖（Azure Entra ID、gcloud、密碼保存庫的 CLI）。指令必須輸出權杖。
field-headers-label = 標頭
field-headers-help = 每行一個 Name=value，每次請求都會送出。
field-env-headers-label = 來自變數的標頭
field-env-headers-help = Header=VARIABLE；變數未設定時就不送出。
field-query-label = 查詢參數
field-context-window-label = 上下文視窗
field-context-window-help = 以 token 為單位，例如 262144、128k 或 1M。留空則由 Switchboard 判斷：先向供應商查詢，再依模型系列推定，都不行就用 128k。
field-context-window-placeholder = 由 Switchboard 判斷

## 匯入分享內容（switchboard:// 連結或 .switchboard.toml 檔案）

import-title = 匯入供應商
# { $scheme }（switchboard://）和 { $file }（.switchboard.toml）會以程式碼樣式顯示。
import-lead = 貼上別人傳給你的 { $scheme } 連結，或 { $file } 檔案的路徑。分享內容絕不含金鑰：你要貼上自己的金鑰。
import-source-label = 連結或檔案
import-cancel = 取消
import-read = 讀取
import-lead-many = 這份分享內容包含 { $count } 個供應商。請勾選你要的項目。
import-lead-one = 請確認 Codex 會把請求送到哪裡，貼上你的金鑰，然後匯入。
import-preset-model = { $preset } · 模型 { $model }
import-send-to = Codex 會把你的請求送到
import-no-address = 沒有位址
import-caution-plain-http = 未加密：連到 { $host } 用的是一般的 http://，你的金鑰和提示詞會以明文在網路上傳送。
import-caution-unusual-host = 不尋常的位址：這個範本通常連到 { $usual }，而不是 { $host }。請確認這是你預期的位址。
import-caution-unusual-host-own = 不尋常的位址：這個範本通常連到它自己的主機，而不是 { $host }。請確認這是你預期的位址。
import-caution-runs-command = Codex 會執行這份分享內容指定的程式來取得權杖。
import-same = 已有完全相同的設定，不需要匯入。
import-id-label = ID
# { $id } 會以程式碼樣式顯示。
import-id-taken = 你已經有另一個 { $id }，所以這個會使用新的 ID。
import-key-label = 你的 API 金鑰
import-key-help = 存放在系統鑰匙圈中，絕不寫入檔案。你也可以稍後再加入。
import-key = 金鑰
# { $var } 是變數，例如 $OPENROUTER_API_KEY，會以程式碼樣式顯示。
import-key-env = Codex 會從環境變數 { $var } 讀取金鑰；請在你的 shell 或登入環境中設定它。
import-key-none = 不需要金鑰。
import-command-title = 這個供應商會在你的電腦上執行程式來取得權杖。
import-command-body = 這個程式是傳送分享內容的人指定的。每當需要權杖時，Codex 都會以你的權限，原封不動地執行：
import-trust = 我已閱讀這個指令，並信任它可以執行。
import-importing = 匯入中…
import-submit = 匯入
import-submit-many = 匯入 { $count } 個供應商
import-close = 關閉
import-confirm-command = 匯入前，請先確認上方的權杖指令。
# { $names } 是已匯入供應商的 ID，以逗號分隔。
import-done = 已匯入 { $names }。請按「測試」檢查，再按「使用」讓 Codex 改用它。
import-fix-share-has-key = 請傳送者改用 Switchboard 重新分享，Switchboard 分享時不會附上金鑰。未匯入任何內容。
import-fix-share-runs-command = 勾選「我已閱讀這個指令，並信任它可以執行」即可允許。未匯入任何內容。
import-fix-bad-share = 請向傳送者索取新的連結或檔案。未匯入任何內容。
import-fix-share-version = 請更新 Switchboard，或請對方用你的版本製作分享內容。未匯入任何內容。
import-fix-id = 請選擇其他 ID。未匯入任何內容。
import-fix-nothing = 未匯入任何內容。

## 工作階段

sessions-title = 工作階段
sessions-lead = Codex 只會列出目前使用中供應商的工作階段。所有工作階段都還在磁碟上，而且都會用當初建立它的供應商繼續。
sessions-filter-label = 供應商
sessions-all = 所有供應商
sessions-refresh = 重新整理
sessions-none-for = { $provider } 沒有已儲存的工作階段。
sessions-none = 還沒有已儲存的 Codex 工作階段。執行 Codex 後，工作階段就會出現在這裡。
sessions-list-label = 工作階段
sessions-no-message = （沒有訊息）
sessions-command-title = 在終端機中執行
# { $session } 是工作階段的第一則訊息；若沒有，則是它的 ID。
sessions-copy-label = 複製繼續指令：{ $session }
sessions-copy = 複製繼續指令
sessions-copied = 已複製

## 分享供應商

share-label = 分享 { $id }
share-link = 不含金鑰的連結
share-link-copied = 不含金鑰的連結（已複製）
share-help = 傳給團隊成員：Switchboard 會在「匯入」畫面開啟它，對方再貼上自己的金鑰。
# { $path } 會以程式碼樣式顯示。
share-saved = 已儲存至 { $path }
share-copy = 複製連結
share-copied = 已複製
share-save = 儲存檔案
share-close = 關閉

## 不在鑰匙圈中的金鑰

keys-plain-label = 明文金鑰
keys-plain-title = 有 { $count } 個金鑰以明文儲存
keys-plain-body = 任何能讀取你的 Codex 資料夾、備份或同步設定檔（dotfile）的人，都能使用這 { $count } 個金鑰。
keys-where = 在哪裡？
keys-hide = 隱藏
keys-where-bearer-token = { $provider }：{ $file } 中的 experimental_bearer_token
keys-where-header = { $provider }：{ $file } 中的 { $header } 標頭
keys-stays = ——保留原處：Codex 只能以 Bearer 權杖的形式傳送鑰匙圈中的金鑰
keys-move = 移到鑰匙圈
keys-moving = 移動中…
keys-env-label = 環境變數中的金鑰
keys-env-title = 有 { $count } 個供應商從 shell 變數讀取金鑰
keys-env-body = 從 Dock、IDE 或 Codex 應用程式啟動的 Codex 讀不到 shell 變數。只要貼上一次變數值，就能把它保存在鑰匙圈中。
keys-env-value = { $provider }：${ $name } 的值
keys-fix-env-unset = 請在欄位中貼上金鑰的值，再按「移到鑰匙圈」。未寫入任何內容。
keys-fix-unmovable-key = Codex 只能以 Bearer 權杖的形式傳送鑰匙圈中的金鑰，因此這個標頭會保留在 config.toml 中。未寫入任何內容。
keys-fix-conflicting-keys = 請在 config.toml 中刪除這個供應商錯誤的那個金鑰，然後再試一次。未寫入任何內容。
keys-dismiss = 關閉

## 從 CC Switch 匯入

cc-title = 從 CC Switch 匯入
cc-lead = Switchboard 只會讀取 CC Switch 的資料庫，不會修改它。你匯入的每個供應商都會把金鑰存入系統鑰匙圈，而不是以明文保存。
cc-db-label = CC Switch 資料庫
cc-read = 讀取
cc-reading = 讀取中…
cc-db-help = CC Switch 會把它存放在 ~/.cc-switch，除非你在它的設定中搬移了資料夾。
cc-reading-db = 正在讀取 CC Switch 的資料庫…
cc-source = { $path } · 結構描述版本 { $version }
cc-empty = CC Switch 中沒有可匯入的 Codex 供應商。
cc-list-label = CC Switch 的供應商
cc-no-address = 沒有位址
# { $id } 會以程式碼樣式顯示：供應商在這裡取得的 ID。
cc-as-id = 匯入為 { $id }
cc-key-into-keychain = 金鑰存入鑰匙圈
cc-no-key = 無金鑰
cc-why-duplicate = 這裡已有 { $provider }（位址和模型都相同）
cc-why-official = 透過 CC Switch 登入，本身沒有金鑰（Codex 已內建 OpenAI 登入）
cc-why-not-responses = CC Switch 是從其他 API 轉換這個供應商的；Codex 需要 Responses API
cc-why-unusable = 無法使用
cc-cancel = 取消
cc-importing = 匯入中…
cc-nothing-selected = 未選取任何項目
cc-import-count = 匯入 { $count } 個供應商

# 路由（issue 22）：一個 Codex，所有模型
header-codex-uses-routed = Codex 正在使用 { $provider }（透過 Switchboard）
header-codex-uses-routed-title = Codex 透過 Switchboard 的路由使用 { $provider } · { $model }：跟隨 Switchboard 選擇的工作階段會在下一輪切換過去。
row-direct = 直接連線
row-direct-title = Codex 把這個供應商當成獨立供應商直接連線，不經過 Switchboard 的路由。
button-models = 模型 · { $count }
models-label = Codex 中 { $provider } 的模型
models-lead = Codex 的 /model 選擇器會列出 { $provider } 的這些模型。可以在那裡選擇，也可以在這裡按「使用」：使用 Codex 預設模型的工作階段會在下一輪跟著切換。
models-lead-direct = Codex 直接連線到 { $provider }，所以只使用它自己的模型；重新透過 Switchboard 連線後才能列出更多模型。
models-own = 它的模型
models-in-use = 使用中
models-use = 使用
models-asking = 正在向 { $provider } 詢問它的模型…
models-offered = { $provider } 還提供 { $count } 個模型：勾選即可在 Codex 中列出。
models-none-offered = { $provider } 沒有列出它的模型：請輸入一個。
models-add-label = 其他模型
models-add = 列出
models-direct = 直接連線，不經過 Switchboard 的路由
models-direct-help = 適用於禁止本機中轉的政策：Codex 自己連線到供應商，它的工作階段會與其他供應商的分開存放，切換也無法傳到正在執行的工作階段。
running-title = 正在執行的 Codex 工作階段
running-empty = 過去一小時內沒有 Codex 工作階段透過 Switchboard 傳送過請求。終端機、VS Code 和 Codex 應用程式中的工作階段傳送後會顯示在這裡。
running-follows = 跟隨 Switchboard 的選擇
running-pinned = 固定為 { $model }
running-last = 上一輪 { $ago }：{ $provider } · { $model }
running-client-exec = codex exec
running-client-tui = 終端機中的 Codex
running-client-vscode = VS Code 中的 Codex
running-client-app = Codex 應用程式
running-client-unknown = Codex

## Updates (issue 24): the offer at start, and the footer's switch
update-title = Switchboard { $version } 已推出
update-current = 你目前的版本是 { $current }。
update-date = 發布於 { $date }。
update-notes = 更新內容
update-notes-none = 此版本沒有更新說明。
update-keeps = 安裝會取代應用程式、它的命令列工具和系統匣程式。你的供應商、config.toml 和金鑰維持不變。
update-install = 安裝並重新啟動
update-later = 稍後再說
update-installing = 正在下載 { $version } 並驗證簽章…
update-failed-signature = 更新已被拒絕：它的簽章與 Switchboard 的金鑰不符。沒有做任何變更。
update-failed-download = 無法下載更新。沒有做任何變更，請稍後再試。
update-failed-install = 無法安裝更新。沒有做任何變更。
update-failed-gone = 此更新已不再提供。沒有做任何變更。
update-dismiss = 關閉
update-check = 檢查更新
update-check-title = 每次啟動時，Switchboard 會向發布來源詢問是否有新版本，並在安裝前徵求你的同意。

## 用量 (issue 23)
nav-usage = 用量
usage-title = 用量
usage-lead = 統計 Codex 經 Switchboard 的路由器送出的每個請求，數字以供應商回報的為準。不會保存提示詞、回答或金鑰。
usage-zone = 日期依 { $zone } 時區劃分。
usage-period-label = 期間
usage-period-days = 最近 { $days } 天
usage-period-all = 全部紀錄
usage-loading = 正在讀取資料…
usage-empty-title = 這段期間還沒有統計資料
usage-empty-body = Codex 經 Switchboard 的路由器連線到供應商後即開始統計（在「供應商」頁選擇模型，照常使用 Codex 即可）。Codex 直接連線的供應商不列入統計。
usage-chart-label = 每日 token 數（依供應商）
usage-chart-summary = { $days } 天內共 { $tokens } 個 token，來自 { $providers } 個供應商。詳細數字見下表。
usage-legend = 供應商
usage-by-model = 依模型
usage-col-model = 模型
usage-col-requests = 請求
usage-col-failovers = 容錯移轉
usage-col-input = 輸入
usage-col-cached = 快取
usage-col-output = 輸出
usage-col-reasoning = 推理
usage-col-total = token 總數
usage-col-cost = 費用
usage-total = 合計
usage-partial = * 標有此符號的費用不含價格不明的請求。
usage-not-counted = 有 { $count } 個請求未能統計（路由器的佇列已滿），未計入以上數字。
usage-failovers-title = 最近的容錯移轉
usage-failover-line = { $from } { $why }，因此改由 { $to } 回應（{ $model }）。
usage-reason-connect = 無法連線
usage-reason-timeout = 未及時回應
usage-reason-status_5xx = 回傳伺服器錯誤（{ $status }）
usage-reason-rate_limited = 遭到速率限制（{ $status }）
usage-reason-error_event = 在輸出前回傳了錯誤
usage-reason-cooling_down = 因多次失敗正在冷卻
usage-reason-over_budget = 已超出每月預算
usage-budgets-title = 本月預算
usage-budget-of = { $provider } 的預算使用情形
usage-budget-ok = 已用 { $spent }，預算 { $budget }（{ $percent }%）
usage-budget-warn = 已用 { $spent }，預算 { $budget }（{ $percent }%）：接近預算
usage-budget-over = 已用 { $spent }，預算 { $budget }（{ $percent }%）：超出預算，請求將轉給備援模型
usage-prices-title = 價格與預算
usage-prices-lead = 價格以每百萬 token 計。OpenRouter 的價格取自它自己的價目表；其他供應商請自行設定價格，才能顯示費用。每月預算依該價格計算。
usage-price-yours = 輸入 { $input }，輸出 { $output }
usage-price-listed = 供應商自己的價目表（{ $count } 個模型）
usage-price-none = 價格不明
usage-budget-set = 每月預算 { $amount }
usage-budget-none = 無預算
usage-edit = 編輯
usage-edit-close = 完成
usage-price-form = { $provider } 的價格
usage-budget-form = { $provider } 的每月預算
usage-currency = 幣別
usage-price-input = 輸入（每百萬 token）
usage-price-output = 輸出（每百萬 token）
usage-save-price = 儲存價格
usage-clear-price = 移除價格
usage-budget-monthly = 每月預算
usage-save-budget = 儲存預算
usage-clear-budget = 移除預算
usage-budget-needs-price = 請先設定價格：預算依價格計算。

## 容錯移轉 (issue 23)
fallback-button = { $count ->
        [0] 備援模型
       *[other] { $count } 個備援模型
    }
fallback-title = { $slug } 的備援模型（依嘗試順序）
fallback-lead = 當 { $slug } 的供應商無法連線、未及時回應、回傳 5xx、要求長時間等待（429）或在輸出前回傳錯誤時，路由器會把請求轉給下列模型中第一個能接收它的模型。一旦有輸出送達 Codex，請求就不會再轉移。
fallback-none = 還沒有備援模型：此模型的供應商失敗時，本輪對話即告結束。
fallback-add-label = 新增備援模型
fallback-add-choose = 選擇模型…
fallback-add = 新增
fallback-no-candidates = 要設定備援模型，請再新增一個 Codex 經 Switchboard 的路由器連線的供應商（或列出另一個模型）。
fallback-up = 提前嘗試 { $slug }
fallback-down = 延後嘗試 { $slug }
fallback-remove = 從備援模型中移除 { $slug }
fallback-drag-hint = 拖曳以調整順序
fallback-deadline-label = 請求轉給備援模型前等待回應的秒數
fallback-deadline-save = 儲存
fallback-deadline-help = 即收到回應標頭之前的時間。留空則使用預設值。思考和產生回答的時間不受限制。
row-moved = { $time } 的容錯移轉：
